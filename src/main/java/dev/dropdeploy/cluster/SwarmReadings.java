package dev.dropdeploy.cluster;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeManagerStatus;
import com.github.dockerjava.api.model.SwarmNodeResources;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import dev.dropdeploy.cluster.SwarmEngine.EngineState;
import dev.dropdeploy.cluster.SwarmEngine.NodeReading;
import dev.dropdeploy.cluster.SwarmEngine.ServiceReading;
import dev.dropdeploy.cluster.SwarmEngine.TaskReading;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * docker-java's swarm models to our readings. Every field the engine may leave out (a node that never reported, a
 * task not yet assigned) becomes an empty string, zero or an empty map, so nothing downstream meets a null.
 */
final class SwarmReadings {

    private SwarmReadings() {}

    static EngineState state(Info info) {
        SwarmInfo swarm = info.getSwarm();
        LocalNodeState local = swarm == null ? null : swarm.getLocalNodeState();
        if (local == null || local == LocalNodeState.INACTIVE || local == LocalNodeState.EMPTY) {
            return new EngineState(Cluster.Mode.SINGLE_ENGINE, "inactive", "");
        }
        String detail = Optional.ofNullable(swarm.getError()).orElse("");
        boolean manager = Boolean.TRUE.equals(swarm.getControlAvailable());
        Cluster.Mode mode = local == LocalNodeState.ACTIVE && manager ? Cluster.Mode.SWARM : Cluster.Mode.UNAVAILABLE;
        return new EngineState(mode, local.getValue(), detail);
    }

    static NodeReading node(SwarmNode node) {
        SwarmNodeSpec spec = Optional.ofNullable(node.getSpec()).orElseGet(SwarmNodeSpec::new);
        SwarmNodeDescription description =
                Optional.ofNullable(node.getDescription()).orElseGet(SwarmNodeDescription::new);
        SwarmNodeResources resources =
                Optional.ofNullable(description.getResources()).orElseGet(SwarmNodeResources::new);
        SwarmNodeStatus status = Optional.ofNullable(node.getStatus()).orElseGet(SwarmNodeStatus::new);
        SwarmNodeManagerStatus manager = node.getManagerStatus();
        return new NodeReading(
                text(node.getId()),
                text(description.getHostname()),
                lower(spec.getRole()),
                manager != null && manager.isLeader(),
                lower(spec.getAvailability()),
                status.getState() == null ? "unknown" : lower(status.getState()),
                text(status.getAddress()),
                description.getEngine() == null
                        ? ""
                        : text(description.getEngine().getEngineVersion()),
                Optional.ofNullable(resources.getNanoCPUs()).orElse(0L),
                Optional.ofNullable(resources.getMemoryBytes()).orElse(0L),
                spec.getLabels() == null ? Map.of() : Map.copyOf(spec.getLabels()),
                manager == null || manager.getReachability() == null ? "" : lower(manager.getReachability()));
    }

    static ServiceReading service(Service service) {
        var spec = service.getSpec();
        Map<String, String> labels = spec == null || spec.getLabels() == null ? Map.of() : Map.copyOf(spec.getLabels());
        ServiceModeConfig mode = spec == null ? null : spec.getMode();
        Integer replicas = null;
        if (mode == null || mode.getGlobal() == null) {
            replicas = mode == null || mode.getReplicated() == null
                    ? 1
                    : (int) mode.getReplicated().getReplicas();
        }
        return new ServiceReading(text(service.getId()), spec == null ? "" : text(spec.getName()), labels, replicas);
    }

    static TaskReading task(Task task) {
        var status = task.getStatus();
        String message = status == null ? "" : firstNonBlank(status.getErr(), status.getMessage());
        return new TaskReading(
                text(task.getId()),
                text(task.getServiceId()),
                text(task.getNodeId()),
                task.getSlot(),
                status == null ? "" : taskState(status.getState()),
                taskState(task.getDesiredState()),
                message);
    }

    private static String taskState(TaskState state) {
        return state == null ? "" : state.getValue();
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : text(second);
    }

    private static String lower(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
