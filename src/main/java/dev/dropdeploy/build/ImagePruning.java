package dev.dropdeploy.build;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Removes what builds leave behind (dangling images, the engine's build cache) on a schedule; each project's tagged
 * images are pruned by retention after every deployment ({@link ImageBuilds#prune}).
 */
@Component
class ImagePruning {

    private static final Logger log = LoggerFactory.getLogger(ImagePruning.class);

    /** How long a prune that found builds running waits before it tries again. */
    static final Duration RETRY = Duration.ofMinutes(5);

    private final ImageEngine engine;
    private final DiskProperties properties;
    private final TaskScheduler scheduler;
    private final BuildQueue queue;
    /** One retry at a time, however many scheduled prunes found builds running. */
    private final java.util.concurrent.atomic.AtomicBoolean retryPending =
            new java.util.concurrent.atomic.AtomicBoolean();

    ImagePruning(ImageEngine engine, DiskProperties properties, TaskScheduler scheduler, BuildQueue queue) {
        this.scheduler = scheduler;
        this.engine = engine;
        this.properties = properties;
        this.queue = queue;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPruning() {
        Duration every = properties.pruneInterval();
        scheduler.scheduleWithFixedDelay(this::prune, Instant.now().plus(every), every);
    }

    /** Prunes while no build runs (a running build may be building on a leftover layer), else a little later. */
    void prune() {
        try {
            if (!queue.runWhileIdle(this::pruneNow) && retryPending.compareAndSet(false, true)) {
                log.info("Pruning images waits {} min: builds are running", RETRY.toMinutes());
                scheduler.schedule(
                        () -> {
                            retryPending.set(false);
                            prune();
                        },
                        Instant.now().plus(RETRY));
            }
        } catch (RuntimeException e) {
            log.warn("Pruning images failed: {}", e.getMessage());
        }
    }

    private void pruneNow() {
        long reclaimed = engine.pruneLeftovers();
        log.info("Pruned dangling images and build cache: {} MB reclaimed", reclaimed >> 20);
    }
}
