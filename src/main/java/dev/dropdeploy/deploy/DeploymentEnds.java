package dev.dropdeploy.deploy;

import java.util.Map;
import java.util.Set;
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

    /** One future per waiter: two streams of one deployment (two tabs, a reconnect) must not end each other's. */
    private final Map<UUID, Set<CompletableFuture<DeploymentState>>> waiting = new ConcurrentHashMap<>();

    /** Completes with the final state; pass it to {@link #forget} when done waiting. */
    CompletableFuture<DeploymentState> of(UUID deploymentId) {
        CompletableFuture<DeploymentState> end = new CompletableFuture<>();
        waiting.computeIfAbsent(deploymentId, id -> ConcurrentHashMap.newKeySet())
                .add(end);
        return end;
    }

    void forget(UUID deploymentId, CompletableFuture<DeploymentState> end) {
        waiting.computeIfPresent(deploymentId, (id, ends) -> {
            ends.remove(end);
            return ends.isEmpty() ? null : ends;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeploymentStepReached step) {
        if (step.state().isFinal()) {
            Set<CompletableFuture<DeploymentState>> ends = waiting.get(step.deploymentId());
            if (ends != null) {
                ends.forEach(end -> end.complete(step.state()));
            }
        }
    }
}
