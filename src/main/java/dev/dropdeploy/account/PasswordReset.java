package dev.dropdeploy.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A single-use password reset link an administrator made for a user; the token itself is never stored. */
@Entity
@Table(name = "password_reset")
class PasswordReset extends SingleUseLink {

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    protected PasswordReset() {}

    PasswordReset(UUID userId, UUID createdBy, String token, Instant createdAt, Duration validity) {
        super(createdBy, token, createdAt, validity);
        this.userId = userId;
    }

    /** Usable once, and only before it expires. */
    boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    UUID userId() {
        return userId;
    }
}
