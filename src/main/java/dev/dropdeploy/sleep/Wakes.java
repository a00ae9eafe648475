package dev.dropdeploy.sleep;

import dev.dropdeploy.deploy.SleepingApps;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One wake at a time per project: every request for a sleeping project joins the wake under way, so a flood starts
 * the container once. After a failed wake, requests are turned away for {@code failed-wake-pause} instead of trying
 * again at once.
 */
@Component
class Wakes {

    private static final Logger log = LoggerFactory.getLogger(Wakes.class);

    private final ConcurrentMap<String, CompletableFuture<Boolean>> underWay = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> failedAt = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SleepingApps sleeping;
    private final SleepProperties properties;
    private final Clock clock;

    Wakes(SleepingApps sleeping, SleepProperties properties, Clock clock) {
        this.sleeping = sleeping;
        this.properties = properties;
        this.clock = clock;
    }

    /** The wake of the project at {@code slug}: the one under way, or a new one; completes with whether it woke. */
    CompletableFuture<Boolean> of(String slug) {
        Instant failed = failedAt.get(slug);
        if (failed != null && clock.instant().isBefore(failed.plus(properties.failedWakePause()))) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> current = underWay.putIfAbsent(slug, mine);
        if (current != null) {
            return current;
        }
        executor.submit(() -> run(slug, mine));
        return mine;
    }

    private void run(String slug, CompletableFuture<Boolean> wake) {
        boolean woke = false;
        try {
            woke = sleeping.wake(slug);
        } catch (RuntimeException e) {
            log.warn("Waking {} failed: {}", slug, e.getMessage());
        } finally {
            if (woke) {
                failedAt.remove(slug);
            } else {
                failedAt.put(slug, clock.instant());
            }
            wake.complete(woke);
            underWay.remove(slug, wake);
        }
    }
}
