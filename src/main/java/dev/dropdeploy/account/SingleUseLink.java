package dev.dropdeploy.account;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What invite and password reset links share: a token shown once and stored only as its hash, who made it, when it
 * expires and when it was used. Each link's repository uses it up with one conditional update, so two clicks on the
 * same link cannot both succeed.
 */
@MappedSuperclass
abstract class SingleUseLink {

    @Id
    protected UUID id;

    @Column(nullable = false, unique = true, length = 64)
    protected String hash;

    @Column(name = "created_by")
    protected UUID createdBy;

    @Column(name = "created_at", nullable = false)
    protected Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    protected Instant expiresAt;

    @Column(name = "used_at")
    protected Instant usedAt;

    protected SingleUseLink() {}

    SingleUseLink(UUID createdBy, String token, Instant createdAt, Duration validity) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.hash = KeyMaterial.hash(token);
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(validity);
    }

    UUID id() {
        return id;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
