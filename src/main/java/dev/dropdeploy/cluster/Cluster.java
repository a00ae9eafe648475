package dev.dropdeploy.cluster;

import java.util.List;

/**
 * What an administrator sees of the machines under DropDeploy at one moment.
 *
 * @param mode whether the engine is a Swarm manager; in any other mode {@code nodes} and {@code services} are empty
 * @param message one plain sentence about the mode (why there are no nodes, or how many there are)
 * @param services DropDeploy's own services with how many tasks they want and how many run
 */
public record Cluster(Mode mode, String message, List<Node> nodes, List<AppService> services) {

    public enum Mode {
        /** A Swarm manager: nodes can be listed and drained. */
        SWARM,
        /** Not in Swarm mode: every app runs on this one engine. */
        SINGLE_ENGINE,
        /** In a swarm, but not a manager (or the swarm is locked or failing): nothing can be read or changed here. */
        UNAVAILABLE
    }

    public Cluster {
        nodes = List.copyOf(nodes);
        services = List.copyOf(services);
    }

    static Cluster singleEngine() {
        return new Cluster(
                Mode.SINGLE_ENGINE,
                "Single-engine mode: the Docker engine is not in Swarm mode, so every app runs on this machine."
                        + " Run ./dropdeploy node add --init to start a swarm and add machines.",
                List.of(),
                List.of());
    }

    static Cluster unavailable(String why) {
        return new Cluster(Mode.UNAVAILABLE, why, List.of(), List.of());
    }
}
