package dev.dropdeploy.git;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GitPreviewRepository extends JpaRepository<GitPreview, UUID> {

    Optional<GitPreview> findByParentIdAndBranch(UUID parentId, String branch);

    List<GitPreview> findByParentIdOrderByBranch(UUID parentId);

    List<GitPreview> findByExpiresAtBefore(Instant now);

    /** Previews whose project was deleted: they go the way any deletion goes, containers first. */
    @Query("select p from GitPreview p where not exists (select 1 from GitConnection c where c.projectId = p.parentId)")
    List<GitPreview> findOrphans();
}
