package dev.dropdeploy.git;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GitConnectionRepository extends JpaRepository<GitConnection, UUID> {

    Optional<GitConnection> findByHookId(String hookId);
}
