package dev.dropdeploy.account;

import java.time.Instant;
import java.util.UUID;

/** An invite as the administrator sees it in the list: never the token, which is shown once at creation. */
record InviteSummary(UUID id, Instant createdAt, Instant expiresAt, Status status) {

    enum Status {
        OPEN,
        USED,
        REVOKED,
        EXPIRED
    }
}
