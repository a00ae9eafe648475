package dev.dropdeploy.cluster;

/**
 * One task of a DropDeploy service on a node.
 *
 * @param service the Swarm service's name
 * @param project the project's slug from the service's labels
 * @param state what the node last reported ({@code running}, {@code starting}, {@code failed}, ...)
 * @param message the engine's word on the state, for example why a task failed
 */
public record NodeTask(String service, String project, int version, String state, String message) {

    public boolean running() {
        return "running".equals(state);
    }
}
