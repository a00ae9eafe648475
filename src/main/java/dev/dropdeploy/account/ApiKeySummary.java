package dev.dropdeploy.account;

import java.time.Instant;
import java.util.UUID;

/** A key as its owner sees it after creation: never the key itself, only its visible prefix. */
public record ApiKeySummary(UUID id, String name, String prefix, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
