package dev.dropdeploy.shell;

import dev.dropdeploy.deploy.DeploymentStepReached;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Passes deployment steps to the open pages that care, so they refresh without a reload. */
@Component
class DeploymentBroadcaster {

    private final List<Consumer<UUID>> listeners = new CopyOnWriteArrayList<>();

    /** @param listener receives the project id of every step reached; must hand over to its UI itself */
    Runnable register(Consumer<UUID> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(DeploymentStepReached step) {
        listeners.forEach(listener -> listener.accept(step.projectId()));
    }

    /** A sleeping or waking app shows "sleeping" or its state again without a reload. */
    @EventListener
    void on(dev.dropdeploy.deploy.AppFellAsleep slept) {
        listeners.forEach(listener -> listener.accept(slept.projectId()));
    }

    @EventListener
    void on(dev.dropdeploy.deploy.AppWoke woke) {
        listeners.forEach(listener -> listener.accept(woke.projectId()));
    }
}
