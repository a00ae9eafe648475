package dev.dropdeploy.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@code dropdeploy.api.deploys-per-minute} deployments a user may start through the API in any 60 seconds, so a script in a loop
 * cannot fill the build queue for everyone else. A sliding window: the oldest start leaves it after a minute.
 */
@Component
class DeployRateLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ApiProperties settings;
    private final Clock clock;
    private final Map<UUID, Deque<Instant>> starts = new ConcurrentHashMap<>();

    DeployRateLimit(ApiProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws Limited with the seconds until the next start is allowed */
    void acquire(UUID userId) {
        Instant now = clock.instant();
        Deque<Instant> window = starts.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
                window.removeFirst();
            }
            if (window.size() >= settings.deploysPerMinute()) {
                long wait =
                        Duration.between(now, window.peekFirst().plus(WINDOW)).toSeconds() + 1;
                throw new Limited(wait, settings.deploysPerMinute());
            }
            window.addLast(now);
        }
    }

    static final class Limited extends RuntimeException {
        final long retryAfterSeconds;

        Limited(long retryAfterSeconds, int perMinute) {
            super("At most " + perMinute + " deployments a minute; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
