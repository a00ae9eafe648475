package dev.dropdeploy.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * When each app was last seen serving requests, as the metrics sampler reads Traefik's counters: the one place that
 * reads Traefik, so the sleep module's idle rule needs no scraper of its own. Kept in memory: after a restart every
 * app counts as just active, which errs towards keeping it awake.
 */
@Component
public class RecentRequests {

    private final Map<UUID, Instant> lastSeen = new ConcurrentHashMap<>();
    private final MetricsProperties properties;

    RecentRequests(MetricsProperties properties) {
        this.properties = properties;
    }

    /** Whether requests are counted at all; without it no app can be told idle. */
    public boolean counting() {
        return properties.enabled();
    }

    /** The end of the last sample in which the project's routers served a request. */
    public Optional<Instant> lastRequest(UUID projectId) {
        return Optional.ofNullable(lastSeen.get(projectId));
    }

    /** How often requests are counted: the idle rule's resolution. */
    public java.time.Duration resolution() {
        return properties.interval();
    }

    void served(UUID projectId, Instant at) {
        lastSeen.merge(projectId, at, (a, b) -> a.isAfter(b) ? a : b);
    }
}
