package dev.dropdeploy.sleep;

import dev.dropdeploy.deploy.AppWoke;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentStepReached;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.SleepingApps;
import dev.dropdeploy.metrics.RecentRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the idle rule every {@code dropdeploy.sleep.check-every} over every live, awake app and asks the deploy module
 * to put the idle ones to sleep. Requests come from the metrics sampler's reading of Traefik ({@link RecentRequests});
 * when an app became awake (went live, woke, or was first seen after DropDeploy started) it keeps here.
 */
@Component
class Sleeper {

    private static final Logger log = LoggerFactory.getLogger(Sleeper.class);

    private final Deployments deployments;
    private final SleepingApps sleeping;
    private final SleepSettings settings;
    private final RecentRequests requests;
    private final SleepProperties properties;
    private final Clock clock;
    private final Map<UUID, Instant> awakeSince = new ConcurrentHashMap<>();
    private boolean warned;

    Sleeper(
            Deployments deployments,
            SleepingApps sleeping,
            SleepSettings settings,
            RecentRequests requests,
            SleepProperties properties,
            Clock clock) {
        this.deployments = deployments;
        this.sleeping = sleeping;
        this.settings = settings;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${dropdeploy.sleep.check-every:30s}",
            fixedDelayString = "${dropdeploy.sleep.check-every:30s}")
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Idle check skipped: {}", e.getMessage());
        }
    }

    /** @return the projects put to sleep now */
    synchronized List<UUID> check() {
        Map<UUID, Duration> own = settings.allOwn();
        if (properties.defaultIdle().isZero() && own.values().stream().allMatch(Duration::isZero)) {
            return List.of(); // nothing may sleep: the usual case, and no query for it
        }
        if (!requests.counting()) {
            warnOnce();
            return List.of();
        }
        Set<UUID> asleep = sleeping.asleep();
        Instant now = clock.instant();
        List<DeploymentView> live = deployments.liveAsSystem().stream()
                .filter(d -> !asleep.contains(d.projectId()))
                .toList();
        awakeSince
                .keySet()
                .retainAll(live.stream().map(DeploymentView::projectId).collect(Collectors.toSet()));
        return live.stream()
                .filter(d -> idle(d.projectId(), own, now))
                .filter(d -> sleeping.fallAsleep(d.projectId(), d.id()))
                .map(DeploymentView::projectId)
                .peek(awakeSince::remove)
                .toList();
    }

    private boolean idle(UUID projectId, Map<UUID, Duration> own, Instant now) {
        Duration idleTime = IdleRule.idleTime(Optional.ofNullable(own.get(projectId)), properties.defaultIdle());
        Instant since = awakeSince.computeIfAbsent(projectId, id -> now);
        return IdleRule.idle(idleTime, since, requests.lastRequest(projectId), now);
    }

    @EventListener
    void on(AppWoke woke) {
        awakeSince.put(woke.projectId(), clock.instant());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeploymentStepReached step) {
        if (step.state() == DeploymentState.LIVE) {
            awakeSince.put(step.projectId(), clock.instant());
        }
    }

    private void warnOnce() {
        if (!warned) {
            log.warn("Apps cannot sleep while metrics are off (dropdeploy.metrics.enabled): requests are not counted");
            warned = true;
        }
    }
}
