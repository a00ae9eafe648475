package dev.dropdeploy.deploy;

import java.time.Clock;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies one guarded transition in its own transaction and announces the step reached. */
@Component
class DeploymentRecorder {

    private final DeploymentRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeploymentRecorder(DeploymentRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Deployment update(UUID deploymentId, BiConsumer<Deployment, java.time.Instant> transition) {
        Deployment deployment = repository
                .findById(deploymentId)
                .orElseThrow(() -> new IllegalStateException("No deployment " + deploymentId));
        DeploymentState before = deployment.state();
        transition.accept(deployment, clock.instant());
        Deployment saved = repository.save(deployment);
        if (saved.state() != before) {
            events.publishEvent(
                    new DeploymentStepReached(saved.id(), saved.projectId(), saved.version(), saved.state()));
        }
        return saved;
    }

    @Transactional
    Deployment create(UUID projectId, int version, UUID rollbackOf) {
        Deployment deployment = repository.save(new Deployment(projectId, version, rollbackOf, clock.instant()));
        events.publishEvent(new DeploymentStarted(deployment.id(), projectId, version));
        return deployment;
    }

    void publish(Object event) {
        events.publishEvent(event);
    }
}
