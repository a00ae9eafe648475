package dev.dropdeploy.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, UUID> {

    boolean existsBySlug(String slug);

    Optional<Project> findBySlug(String slug);

    List<Project> findAllByOrderByCreatedAtDesc();

    List<Project> findByOwnerIdOrderByCreatedAtDesc(UUID ownerId);

    List<Project> findByPreviewOfIsNullOrderByCreatedAtDesc();

    List<Project> findByOwnerIdAndPreviewOfIsNullOrderByCreatedAtDesc(UUID ownerId);

    long countByOwnerId(UUID ownerId);
}
