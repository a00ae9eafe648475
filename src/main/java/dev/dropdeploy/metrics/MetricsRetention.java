package dev.dropdeploy.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the metrics table at a fixed size per app: raw points of every finished rollup step are merged into one
 * rollup point, raw points older than {@code raw-retention} are deleted, and so are rollups older than
 * {@code rollup-retention}. Recomputing the latest rollup step is harmless (an upsert), so a missed run loses nothing
 * as long as the raw points are still there.
 */
@Component
class MetricsRetention {

    private final MetricStore store;
    private final MetricsProperties properties;
    private final Clock clock;

    MetricsRetention(MetricStore store, MetricsProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 5, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void scheduled() {
        apply(clock.instant());
    }

    /**
     * Rolls up and trims as if it were {@code now}. No transaction is needed: the rollups are upserts, and a failed one
     * throws before anything is deleted.
     */
    void apply(Instant now) {
        rollUp(now);
        store.deleteBefore(false, now.minus(properties.rawRetention()));
        store.deleteBefore(true, now.minus(properties.rollupRetention()));
    }

    private void rollUp(Instant now) {
        Duration step = properties.rollupStep();
        Instant end = Rollups.stepStart(now, step);
        Instant start = store.latestRollup(end)
                .filter(latest -> latest.isAfter(now.minus(properties.rawRetention())))
                .orElse(Rollups.stepStart(now.minus(properties.rawRetention()), step));
        Map<UUID, List<Sample>> byProject = store.raw(start, end).stream()
                .collect(Collectors.groupingBy(
                        MetricStore.Row::projectId, Collectors.mapping(MetricStore.Row::sample, Collectors.toList())));
        byProject.forEach((projectId, samples) ->
                Rollups.byStep(samples, step).forEach(rollup -> store.save(projectId, true, rollup)));
    }
}
