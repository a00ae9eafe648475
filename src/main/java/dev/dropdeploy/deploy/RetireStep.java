package dev.dropdeploy.deploy;

import dev.dropdeploy.build.ImageBuilds;
import dev.dropdeploy.routing.RouteTable;
import dev.dropdeploy.runtime.AppContainers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * After a switch: the previous live deployment becomes superseded; the newest {@code previousVersionsRunning} of
 * those keep serving their own version address, older ones drain and stop. Images beyond the retention are pruned.
 */
@Component
class RetireStep {

    private final DeploymentRepository repository;
    private final DeploymentRecorder recorder;
    private final AppContainers containers;
    private final RouteTable routes;
    private final ImageBuilds images;
    private final DeployProperties properties;
    private final SleepingRows sleeping;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RetireStep.class);

    private final java.util.concurrent.ExecutorService drainer =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    RetireStep(
            DeploymentRepository repository,
            DeploymentRecorder recorder,
            AppContainers containers,
            RouteTable routes,
            ImageBuilds images,
            DeployProperties properties,
            SleepingRows sleeping) {
        this.sleeping = sleeping;
        this.repository = repository;
        this.recorder = recorder;
        this.containers = containers;
        this.routes = routes;
        this.images = images;
        this.properties = properties;
    }

    void run(DeploymentRun run) {
        // A deployment of a sleeping project just deploys: the new version is live, so the project is awake and the
        // one that slept (its container stopped, its routes gone) is retired like any older version.
        routes.withdrawWaker(run.project.slug());
        Optional<UUID> slept = sleeping.take(run.project.id());
        List<Deployment> others = repository
                .findByProjectIdAndStateInOrderByCreatedAtDesc(
                        run.project.id(), EnumSet.of(DeploymentState.LIVE, DeploymentState.SUPERSEDED))
                .stream()
                .filter(d -> !d.id().equals(run.deploymentId))
                .toList();
        int kept = 0;
        List<Deployment> toStop = new ArrayList<>();
        for (Deployment other : others) {
            if (other.state() == DeploymentState.LIVE) {
                recorder.update(other.id(), (d, now) -> d.markSuperseded(now));
            }
            boolean sameVersion = other.version() == run.version; // its version address now points at the new one
            boolean asleep = slept.filter(other.id()::equals).isPresent();
            if (sameVersion || asleep || kept >= properties.previousVersionsRunning()) {
                toStop.add(other);
            } else {
                kept++;
            }
        }
        // No new request reaches them from here on; the ones in flight finish during the drain.
        toStop.stream()
                .filter(other -> other.version() != run.version)
                .forEach(other -> routes.withdraw(RouteNames.version(run.project.slug(), other.version())));
        // Draining happens off the project's lock, so the next deployment of the project need not wait for it.
        drainer.submit(() -> {
            try {
                sleepFor(properties.drain());
                toStop.forEach(other -> stop(other, run));
                pruneImages(run);
            } catch (RuntimeException e) {
                log.warn(
                        "Retiring old versions of {} failed; stopping or deleting the project removes them",
                        run.project.slug(),
                        e);
            }
        });
    }

    private void stop(Deployment other, DeploymentRun run) {
        if (other.containerId() != null) {
            containers.stopAndRemove(other.containerId(), properties.drain());
        }
        recorder.update(other.id(), (d, now) -> d.markStopped("Replaced by version " + run.version, now));
    }

    private void pruneImages(DeploymentRun run) {
        Set<String> keep = new HashSet<>();
        keep.add(run.image);
        images.tags(run.project.slug()).stream()
                .filter(tag -> !tag.equals(run.image))
                .limit(images.keepPreviousImages())
                .forEach(keep::add);
        images.prune(run.project.slug(), keep);
    }

    private static void sleepFor(java.time.Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
