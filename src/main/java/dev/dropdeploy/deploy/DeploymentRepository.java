package dev.dropdeploy.deploy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentRepository extends JpaRepository<Deployment, UUID> {

    List<Deployment> findByProjectIdOrderByCreatedAtDesc(UUID projectId);

    List<Deployment> findByProjectIdAndStateInOrderByCreatedAtDesc(UUID projectId, Collection<DeploymentState> states);

    long countByProjectIdInAndStateIn(Collection<UUID> projectIds, Collection<DeploymentState> states);

    List<Deployment> findByProjectIdInAndStateIn(Collection<UUID> projectIds, Collection<DeploymentState> states);

    List<Deployment> findByStateIn(Collection<DeploymentState> states);

    Optional<Deployment> findFirstByProjectIdAndVersionAndImageNotNullOrderByCreatedAtDesc(UUID projectId, int version);
}
