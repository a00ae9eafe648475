package dev.dropdeploy.metrics;

import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.ManagedContainer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes one raw point per live app every {@code dropdeploy.metrics.interval}: the container's readings and what
 * Traefik's routers of the project served since the previous sample. A sample that fails (engine or database away)
 * is skipped with a warning; the next one counts what this one missed, since all counters are totals.
 */
@Component
class MetricsSampler {

    private static final Logger log = LoggerFactory.getLogger(MetricsSampler.class);

    /** The engine takes about a second per reading; a few at once keep a full host's sample short. */
    private static final int PARALLEL_READINGS = 8;

    private final LiveApps live;
    private final AppContainers containers;
    private final ContainerStats stats;
    private final TraefikTraffic traffic;
    private final MetricStore store;
    private final MetricsProperties properties;
    private final Clock clock;
    private final RecentRequests recent;
    private final ApplicationEventPublisher events;
    private final ContainerMeter meter = new ContainerMeter();
    private final Map<UUID, String> slugs = new ConcurrentHashMap<>();
    private final Semaphore readings = new Semaphore(PARALLEL_READINGS);

    MetricsSampler(
            LiveApps live,
            AppContainers containers,
            ContainerStats stats,
            TraefikTraffic traffic,
            MetricStore store,
            MetricsProperties properties,
            Clock clock,
            RecentRequests recent,
            ApplicationEventPublisher events) {
        this.recent = recent;
        this.events = events;
        this.live = live;
        this.containers = containers;
        this.stats = stats;
        this.traffic = traffic;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${dropdeploy.metrics.interval:60s}",
            fixedDelayString = "${dropdeploy.metrics.interval:60s}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("Metrics sample skipped: {}", e.getMessage());
        }
    }

    synchronized void sample() {
        Map<UUID, UUID> apps = live.now();
        Map<String, RouterTraffic.Totals> served = traffic.sinceLastRead();
        List<ManagedContainer> managed = containers.managed();
        Map<String, ManagedContainer> running = managed.stream()
                .filter(ManagedContainer::running)
                .collect(Collectors.toMap(ManagedContainer::deploymentId, Function.identity(), (a, b) -> a));
        Map<UUID, Optional<ContainerReading>> read = readAll(apps, running);
        // Kept while the container exists, running or not: one that is restarting at this sample still compares its
        // restart count with its reading before the crash at the next one.
        meter.keepOnly(managed.stream().map(ManagedContainer::id).collect(Collectors.toSet()));
        apps.forEach((projectId, deploymentId) -> {
            ManagedContainer container = running.get(deploymentId.toString());
            if (container != null) {
                slugs.put(projectId, container.projectSlug());
            }
            Optional<ContainerMeter.Usage> usage =
                    read.getOrDefault(projectId, Optional.empty()).map(reading -> meter.next(container.id(), reading));
            RouterTraffic.Totals requests = requestsOf(slugs.get(projectId), served);
            if (requests.requests() > 0) {
                recent.served(projectId, clock.instant());
            }
            if (usage.isPresent() || requests.requests() > 0) {
                save(projectId, point(clock.instant(), usage, requests));
            }
            events.publishEvent(new AppContainerChecked(
                    projectId,
                    deploymentId,
                    container != null,
                    usage.map(ContainerMeter.Usage::restarts).orElse(0),
                    clock.instant()));
        });
        slugs.keySet().retainAll(apps.keySet());
    }

    /** A project deleted while it was sampled has nowhere to keep its point; the other apps' points still count. */
    private void save(UUID projectId, Sample point) {
        try {
            store.save(projectId, false, point);
        } catch (DataIntegrityViolationException e) {
            log.debug("No point for project {}: {}", projectId, e.getMessage());
        }
    }

    private Map<UUID, Optional<ContainerReading>> readAll(Map<UUID, UUID> apps, Map<String, ManagedContainer> running) {
        Map<UUID, Future<Optional<ContainerReading>>> pending = new HashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            apps.forEach((projectId, deploymentId) -> {
                ManagedContainer container = running.get(deploymentId.toString());
                if (container != null) {
                    pending.put(projectId, executor.submit(() -> readLimited(container.id())));
                }
            });
        }
        Map<UUID, Optional<ContainerReading>> read = new HashMap<>();
        pending.forEach((projectId, future) -> read.put(projectId, future.resultNow()));
        return read;
    }

    private Optional<ContainerReading> readLimited(String containerId) throws InterruptedException {
        readings.acquire();
        try {
            return stats.read(containerId);
        } finally {
            readings.release();
        }
    }

    private static RouterTraffic.Totals requestsOf(String slug, Map<String, RouterTraffic.Totals> served) {
        if (slug == null) {
            return RouterTraffic.Totals.zero();
        }
        List<RouterTraffic.Totals> routers = served.entrySet().stream()
                .filter(e -> RouterNames.serves(e.getKey(), slug))
                .map(Map.Entry::getValue)
                .toList();
        long[] buckets = new long[LatencyBuckets.SIZE];
        long requests = 0;
        long errors = 0;
        for (RouterTraffic.Totals router : routers) {
            requests += router.requests();
            errors += router.errors();
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += router.buckets()[i];
            }
        }
        return new RouterTraffic.Totals(requests, errors, buckets);
    }

    private static Sample point(Instant at, Optional<ContainerMeter.Usage> usage, RouterTraffic.Totals requests) {
        return new Sample(
                at,
                usage.isPresent() ? 1 : 0,
                usage.map(ContainerMeter.Usage::cpuPercent).orElse(null),
                usage.map(ContainerMeter.Usage::memoryUsed).orElse(null),
                usage.map(ContainerMeter.Usage::memoryLimit).orElse(null),
                usage.map(ContainerMeter.Usage::rxBytes).orElse(0L),
                usage.map(ContainerMeter.Usage::txBytes).orElse(0L),
                usage.map(ContainerMeter.Usage::restarts).orElse(0),
                (int) requests.requests(),
                (int) requests.errors(),
                requests.latency());
    }
}
