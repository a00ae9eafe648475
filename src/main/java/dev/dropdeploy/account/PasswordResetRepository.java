package dev.dropdeploy.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetRepository extends JpaRepository<PasswordReset, UUID> {

    Optional<PasswordReset> findByHash(String hash);

    /** Uses the link up in one statement, so of two submissions with it only one sees 1 (as for invites). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update PasswordReset r set r.usedAt = :now
            where r.id = :id and r.usedAt is null and r.expiresAt > :now""")
    int useUp(UUID id, Instant now);
}
