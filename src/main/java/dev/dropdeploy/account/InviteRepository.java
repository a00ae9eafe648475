package dev.dropdeploy.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InviteRepository extends JpaRepository<Invite, UUID> {

    /**
     * Uses up an open invite in one statement, so of two sign-ups with the same link only one sees 1: PostgreSQL
     * re-checks the condition on the row the other one just changed.
     */
    @Modifying(flushAutomatically = true)
    @Query("""
            update Invite i set i.usedAt = :now, i.usedBy = :user
            where i.hash = :hash and i.usedAt is null and i.revokedAt is null and i.expiresAt > :now""")
    int useUp(String hash, UUID user, Instant now);

    List<Invite> findAllByOrderByCreatedAtDesc();
}
