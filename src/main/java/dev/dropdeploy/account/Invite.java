package dev.dropdeploy.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A single-use invite link; the token itself is never stored. Used up by {@link InviteRepository#useUp}. */
@Entity
@Table(name = "invite")
class Invite extends SingleUseLink {

    @Column(name = "used_by")
    private UUID usedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Invite() {}

    Invite(UUID createdBy, String token, Instant createdAt, Duration validity) {
        super(createdBy, token, createdAt, validity);
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
