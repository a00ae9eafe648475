package dev.dropdeploy.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A single-use password reset link an administrator made for a user; the token itself is never stored. */
@Entity
@Table(name = "password_reset")
class PasswordReset {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String hash;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {}

    PasswordReset(UUID userId, UUID createdBy, String token, Instant createdAt, Duration validity) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.createdBy = createdBy;
        this.hash = KeyMaterial.hash(token);
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(validity);
    }

    /** Usable once, and only before it expires. */
    boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
