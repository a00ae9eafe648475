package dev.dropdeploy.cluster;

import java.util.List;
import java.util.Map;

/**
 * One machine of the swarm.
 *
 * @param state {@code ready}, {@code down}, {@code disconnected} or {@code unknown}, as the managers last saw it
 * @param availability {@code active}, {@code pause} or {@code drain}: whether Swarm may place tasks on it
 * @param managerReachability for a manager, {@code reachable} or {@code unreachable}; empty for a worker
 * @param cpus what the node offers, in whole CPUs
 * @param tasks DropDeploy's tasks meant to run here now
 * @param rescheduled DropDeploy's tasks that ran here when the node went down or was drained and were moved away
 */
public record Node(
        String id,
        String hostname,
        String role,
        boolean leader,
        String availability,
        String state,
        String address,
        String engineVersion,
        double cpus,
        long memoryBytes,
        Map<String, String> labels,
        String managerReachability,
        List<NodeTask> tasks,
        int rescheduled) {

    public Node {
        labels = Map.copyOf(labels);
        tasks = List.copyOf(tasks);
    }

    public boolean ready() {
        return "ready".equals(state);
    }

    public boolean drained() {
        return "drain".equals(availability);
    }
}
