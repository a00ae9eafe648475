package dev.dropdeploy.metrics;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentStepReached;
import dev.dropdeploy.deploy.Deployments;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Which deployment is live for each project, kept from the deploy module's events (after their commit) so the sampler
 * never asks the database; the database is read once, when the application is ready, for what earlier runs saw.
 */
@Component
class LiveApps {

    private final Map<UUID, UUID> liveByProject = new ConcurrentHashMap<>();
    private final Deployments deployments;

    LiveApps(Deployments deployments) {
        this.deployments = deployments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        deployments.liveAsSystem().forEach(d -> liveByProject.putIfAbsent(d.projectId(), d.id()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeploymentStepReached step) {
        if (step.state() == DeploymentState.LIVE) {
            liveByProject.put(step.projectId(), step.deploymentId());
        } else if (step.state().isFinal()) {
            liveByProject.remove(step.projectId(), step.deploymentId());
        }
    }

    /** Project id to its live deployment's id. */
    Map<UUID, UUID> now() {
        return Map.copyOf(liveByProject);
    }
}
