package dev.dropdeploy.build;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Removes what builds leave behind (dangling images, the engine's build cache) on a schedule; each project's tagged
 * images are pruned by retention after every deployment ({@link ImageBuilds#prune}).
 */
@Component
class ImagePruning implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImagePruning.class);

    private final ImageEngine engine;
    private final DiskProperties properties;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("image-pruning").daemon().factory());

    ImagePruning(ImageEngine engine, DiskProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        long every = properties.pruneInterval().toMinutes();
        scheduler.scheduleWithFixedDelay(this::prune, every, every, TimeUnit.MINUTES);
    }

    void prune() {
        try {
            long reclaimed = engine.pruneLeftovers();
            log.info("Pruned dangling images and build cache: {} MB reclaimed", reclaimed >> 20);
        } catch (RuntimeException e) {
            log.warn("Pruning images failed: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
