package dev.dropdeploy.sleep;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an app counts as idle: its idle time is set (not zero) and has passed since its last sign of life, the later
 * of the last request Traefik counted for it and the moment it was last seen awake without one (became live, woke,
 * or DropDeploy started).
 */
final class IdleRule {

    private IdleRule() {}

    /** The project's own idle time when it has one (zero: never), else the installation's. */
    static Duration idleTime(Optional<Duration> own, Duration installationDefault) {
        return own.orElse(installationDefault);
    }

    static boolean idle(Duration idleTime, Instant awakeSince, Optional<Instant> lastRequest, Instant now) {
        if (idleTime.isZero() || idleTime.isNegative()) {
            return false;
        }
        Instant lastSign = lastRequest.filter(awakeSince::isBefore).orElse(awakeSince);
        return !now.isBefore(lastSign.plus(idleTime));
    }
}
