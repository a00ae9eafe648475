package dev.dropdeploy.chat.turn;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.DeploymentFailed;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentStepReached;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Turns the deploy pipeline's events into the chat's inline timeline, for the turns that are waiting on them. */
@Component
class DeployWatch {

    private final Deployments deployments;
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();
    private final Map<UUID, List<String>> evidence = new ConcurrentHashMap<>();

    DeployWatch(Deployments deployments) {
        this.deployments = deployments;
    }

    /** Registered before the deployment is queued, so its first step cannot be missed. */
    void watch(AccountUser user, UUID projectId, int version, TurnSink sink) {
        watchers.put(key(projectId, version), new Watcher(user, sink));
    }

    void unwatch(UUID projectId, int version) {
        watchers.remove(key(projectId, version));
    }

    /** The failed deployment's log lines that show the cause; read once. */
    List<String> takeEvidence(UUID deploymentId) {
        List<String> lines = evidence.remove(deploymentId);
        return lines == null ? List.of() : lines;
    }

    // After commit, so the deployment read back already has the detected stack.
    @TransactionalEventListener(fallbackExecution = true)
    void stepReached(DeploymentStepReached event) {
        Watcher watcher = watchers.get(key(event.projectId(), event.version()));
        if (watcher == null) {
            return;
        }
        TurnSink sink = watcher.sink();
        switch (event.state()) {
            case BUILDING -> sink.step(detected(watcher.user(), event.deploymentId()) + " · building the image");
            case STARTING -> sink.step("Starting the container");
            case HEALTHY -> sink.step("Healthy: it answers requests; switching the link over");
            default -> {}
        }
    }

    @EventListener
    void failed(DeploymentFailed event) {
        evidence.put(event.deploymentId(), List.copyOf(event.evidence()));
    }

    /** Whose turn it is travels with the sink: events arrive on the pipeline's thread, not the person's. */
    private record Watcher(AccountUser user, TurnSink sink) {}

    private String detected(AccountUser user, UUID deploymentId) {
        return deployments
                .find(user, deploymentId)
                .filter(d -> d.state() != DeploymentState.QUEUED && d.stack() != null)
                .map(DeployWatch::stack)
                .orElse("Detected the stack");
    }

    private static String stack(DeploymentView d) {
        String stack = d.stack().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        boolean plain = d.framework() == null
                || d.framework().isBlank()
                || d.framework().equalsIgnoreCase(stack);
        return "Detected " + stack + (plain ? "" : " (" + d.framework() + ")");
    }

    private static String key(UUID projectId, int version) {
        return projectId + ":" + version;
    }
}
