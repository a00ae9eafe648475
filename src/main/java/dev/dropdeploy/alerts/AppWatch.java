package dev.dropdeploy.alerts;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentStepReached;
import dev.dropdeploy.metrics.AppContainerChecked;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows what the metrics sampler sees of every live app's container (each interval) and raises: "restarted" when the
 * engine restarted it (a crash its restart policy caught), "crashed" when it was seen not running twice in a row (once
 * could be an owner's stop racing the sample), and "down" once it has not run for {@code down-after}; each outage is
 * reported once, and forgotten when the container runs again or the deployment stops being live.
 */
@Component
class AppWatch {

    private final Consumer<Alert> raise;
    private final Duration downAfter;
    private final Map<UUID, Instant> downSince = new ConcurrentHashMap<>();
    private final Set<UUID> crashReported = ConcurrentHashMap.newKeySet();
    private final Set<UUID> downReported = ConcurrentHashMap.newKeySet();

    @Autowired
    AppWatch(WebhookDelivery delivery, AlertsProperties properties) {
        this(delivery::raise, properties.downAfter());
    }

    AppWatch(Consumer<Alert> raise, Duration downAfter) {
        this.raise = raise;
        this.downAfter = downAfter;
    }

    @EventListener
    void on(AppContainerChecked check) {
        UUID deployment = check.deploymentId();
        if (check.restarts() > 0) {
            raise(
                    check,
                    AlertKind.APP_RESTARTED,
                    Map.of("restarts", check.restarts()),
                    "the app crashed and was restarted "
                            + (check.restarts() == 1 ? "once" : check.restarts() + " times"));
        }
        if (check.running()) {
            forget(deployment);
            return;
        }
        Instant since = downSince.putIfAbsent(deployment, check.at());
        if (since == null) {
            return;
        }
        Duration down = Duration.between(since, check.at());
        if (crashReported.add(deployment)) {
            raise(
                    check,
                    AlertKind.APP_CRASHED,
                    Map.of("downSince", since.toString()),
                    "the app exited and is not running");
        }
        if (down.compareTo(downAfter) >= 0 && downReported.add(deployment)) {
            raise(
                    check,
                    AlertKind.APP_DOWN,
                    Map.of("downSince", since.toString(), "downSeconds", down.toSeconds()),
                    "the app has been down for " + Math.max(1, down.toMinutes()) + " min");
        }
    }

    @EventListener
    void on(DeploymentStepReached step) {
        if (step.state() != DeploymentState.LIVE && step.state().isFinal()) {
            forget(step.deploymentId());
        }
    }

    private void forget(UUID deployment) {
        downSince.remove(deployment);
        crashReported.remove(deployment);
        downReported.remove(deployment);
    }

    private void raise(AppContainerChecked check, AlertKind kind, Map<String, Object> details, String summary) {
        raise.accept(new Alert(kind, check.projectId(), check.deploymentId(), null, check.at(), details, summary));
    }
}
