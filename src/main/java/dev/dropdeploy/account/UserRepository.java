package dev.dropdeploy.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByIdAndDisabledAtIsNull(UUID id);

    List<UserAccount> findAllByOrderByCreatedAt();
}
