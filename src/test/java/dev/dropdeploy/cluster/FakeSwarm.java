package dev.dropdeploy.cluster;

import dev.dropdeploy.runtime.RuntimeProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A swarm in memory: what the tests set is what the engine answers; availability changes are recorded. */
final class FakeSwarm implements SwarmEngine {

    EngineState state = new EngineState(Cluster.Mode.SWARM, "active", "");
    List<NodeReading> nodes = new ArrayList<>();
    List<ServiceReading> services = new ArrayList<>();
    List<TaskReading> tasks = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    Map<String, String> askedLabels = Map.of();
    RuntimeException unreachable;

    @Override
    public EngineState state() {
        if (unreachable != null) {
            throw unreachable;
        }
        return state;
    }

    @Override
    public List<NodeReading> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public List<ServiceReading> services(Map<String, String> labels) {
        askedLabels = labels;
        return List.copyOf(services);
    }

    @Override
    public List<TaskReading> tasks(Collection<String> serviceIds) {
        return tasks.stream().filter(t -> serviceIds.contains(t.serviceId())).toList();
    }

    @Override
    public void setAvailability(String nodeId, String availability) {
        changes.add(nodeId + "=" + availability);
        nodes.replaceAll(n -> n.id().equals(nodeId) ? withAvailability(n, availability) : n);
    }

    /** The runtime's settings as Spring binds them, with this instance label; the rest are the defaults. */
    static RuntimeProperties runtime(String instance) {
        return new Binder(new MapConfigurationPropertySource(Map.of("dropdeploy.runtime.instance", instance)))
                .bindOrCreate("dropdeploy.runtime", RuntimeProperties.class);
    }

    static NodeReading node(String id, String hostname, String role, String state, String availability) {
        return new NodeReading(
                id,
                hostname,
                role,
                false,
                availability,
                state,
                "10.0.0.1",
                "26.1.5",
                2_000_000_000L,
                4L << 30,
                Map.of(),
                "manager".equals(role) ? "reachable" : "");
    }

    static ServiceReading service(String id, String project, int replicas) {
        return new ServiceReading(
                id,
                "dd-" + project + "-v1",
                Map.of("dropdeploy.managed", "true", "dropdeploy.project", project, "dropdeploy.version", "1"),
                replicas);
    }

    static TaskReading task(String service, String node, int slot, String state, String desired) {
        return new TaskReading(
                service + "." + slot + "@" + node + ":" + state, service, node, slot, state, desired, "");
    }

    private static NodeReading withAvailability(NodeReading n, String availability) {
        return new NodeReading(
                n.id(),
                n.hostname(),
                n.role(),
                n.leader(),
                availability,
                n.state(),
                n.address(),
                n.engineVersion(),
                n.nanoCpus(),
                n.memoryBytes(),
                n.labels(),
                n.managerReachability());
    }
}
