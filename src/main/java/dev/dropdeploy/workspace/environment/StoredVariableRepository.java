package dev.dropdeploy.workspace.environment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredVariableRepository extends JpaRepository<StoredVariable, UUID> {

    List<StoredVariable> findByProjectIdOrderByName(UUID projectId);

    Optional<StoredVariable> findByProjectIdAndName(UUID projectId, String name);
}
