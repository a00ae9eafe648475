package dev.dropdeploy.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectVersionRepository extends JpaRepository<ProjectVersion, ProjectVersion.Key> {

    @Query("select coalesce(max(v.key.number), 0) from ProjectVersion v where v.key.projectId = ?1")
    int latestNumber(UUID projectId);

    @Query("select v from ProjectVersion v where v.key.projectId = ?1 order by v.key.number desc")
    List<ProjectVersion> findAllNewestFirst(UUID projectId);

    default Optional<ProjectVersion> find(UUID projectId, int number) {
        return findById(new ProjectVersion.Key(projectId, number));
    }
}
