package dev.dropdeploy.deploy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a waiter when a deployment reaches a final state, by following {@link DeploymentStepReached} events (after
 * their transaction committed, so a read that follows sees the final row) instead of polling the database. Only
 * deployments someone waits for are tracked.
 */
@Component
class DeploymentEnds {

    private final Map<UUID, CompletableFuture<DeploymentState>> waiting = new ConcurrentHashMap<>();

    /** Completes with the final state; call {@link #forget} when done waiting. */
    CompletableFuture<DeploymentState> of(UUID deploymentId) {
        return waiting.computeIfAbsent(deploymentId, id -> new CompletableFuture<>());
    }

    void forget(UUID deploymentId) {
        waiting.remove(deploymentId);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeploymentStepReached step) {
        if (step.state().isFinal()) {
            CompletableFuture<DeploymentState> end = waiting.get(step.deploymentId());
            if (end != null) {
                end.complete(step.state());
            }
        }
    }
}
