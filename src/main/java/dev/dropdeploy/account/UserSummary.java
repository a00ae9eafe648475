package dev.dropdeploy.account;

import java.time.Instant;
import java.util.UUID;

/** A user as the administrator sees them in the list. */
record UserSummary(UUID id, String username, boolean admin, Instant createdAt, Instant disabledAt) {

    boolean disabled() {
        return disabledAt != null;
    }
}
