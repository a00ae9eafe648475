package dev.dropdeploy.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A single-use invite link; the token itself is never stored. Used up by {@link InviteRepository#useUp}. */
@Entity
@Table(name = "invite")
class Invite {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String hash;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "used_by")
    private UUID usedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Invite() {}

    Invite(UUID createdBy, String token, Instant createdAt, Duration validity) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.hash = KeyMaterial.hash(token);
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(validity);
    }

    /** A used invite stays used: revoking it would only blur who came in through it. */
    void revoke(Instant now) {
        if (status(now) == InviteSummary.Status.OPEN) {
            revokedAt = now;
        }
    }

    InviteSummary.Status status(Instant now) {
        if (usedAt != null) {
            return InviteSummary.Status.USED;
        }
        if (revokedAt != null) {
            return InviteSummary.Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? InviteSummary.Status.OPEN : InviteSummary.Status.EXPIRED;
    }

    InviteSummary summary(Instant now) {
        return new InviteSummary(id, createdAt, expiresAt, status(now));
    }
}
