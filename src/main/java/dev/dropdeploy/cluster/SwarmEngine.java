package dev.dropdeploy.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What this module asks of the Docker engine about its swarm; our own face over docker-java. */
interface SwarmEngine {

    /** Never throws for a single engine: that is a mode, not a failure. */
    EngineState state();

    /** Every node, as the managers see it. Only on a manager. */
    List<NodeReading> nodes();

    /** Services carrying all of these labels. */
    List<ServiceReading> services(Map<String, String> labels);

    /** The tasks (current and the engine's short history) of these services. */
    List<TaskReading> tasks(Collection<String> serviceIds);

    /**
     * Sets a node's availability ({@code active} or {@code drain}), keeping the rest of its spec.
     *
     * @throws Refused with the engine's words when it refuses (the node changed meanwhile, it left the swarm)
     */
    void setAvailability(String nodeId, String availability);

    /** The engine refused a change; the message is its own. */
    final class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param mode {@link Cluster.Mode#SWARM} only for a manager of an active swarm
     * @param detail the engine's own words when the swarm is in an error or locked state; empty otherwise
     */
    record EngineState(Cluster.Mode mode, String localNodeState, String detail) {}

    record NodeReading(
            String id,
            String hostname,
            String role,
            boolean leader,
            String availability,
            String state,
            String address,
            String engineVersion,
            long nanoCpus,
            long memoryBytes,
            Map<String, String> labels,
            String managerReachability) {}

    /** @param replicas {@code null} for a global service (one task per eligible node) */
    record ServiceReading(String id, String name, Map<String, String> labels, Integer replicas) {}

    /** @param slot {@code null} for a global service's task */
    record TaskReading(
            String id,
            String serviceId,
            String nodeId,
            Integer slot,
            String state,
            String desiredState,
            String message) {}
}
