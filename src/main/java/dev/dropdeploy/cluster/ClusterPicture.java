package dev.dropdeploy.cluster;

import dev.dropdeploy.cluster.SwarmEngine.NodeReading;
import dev.dropdeploy.cluster.SwarmEngine.ServiceReading;
import dev.dropdeploy.cluster.SwarmEngine.TaskReading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts nodes, DropDeploy's services and their tasks together into what the page and the API show. A task is current
 * when Swarm wants it running; the rest is the engine's short task history, which is how a node that went down or was
 * drained still shows what Swarm moved away from it.
 */
final class ClusterPicture {

    private ClusterPicture() {}

    static Cluster of(List<NodeReading> nodes, List<ServiceReading> services, List<TaskReading> tasks) {
        Map<String, ServiceReading> byId =
                services.stream().collect(Collectors.toMap(ServiceReading::id, Function.identity(), (a, b) -> a));
        List<TaskReading> owned =
                tasks.stream().filter(t -> byId.containsKey(t.serviceId())).toList();
        List<TaskReading> current =
                owned.stream().filter(ClusterPicture::current).toList();
        List<Node> shown = nodes.stream()
                .sorted(Comparator.comparing((NodeReading n) -> !"manager".equals(n.role()))
                        .thenComparing(NodeReading::hostname))
                .map(n -> node(n, byId, owned, current))
                .toList();
        List<AppService> apps = services.stream()
                .map(s -> service(s, current))
                .sorted(Comparator.comparing(AppService::name))
                .toList();
        long ready = shown.stream().filter(Node::ready).count();
        String message = shown.size() + (shown.size() == 1 ? " node, " : " nodes, ") + ready + " ready";
        return new Cluster(Cluster.Mode.SWARM, message, shown, apps);
    }

    static boolean current(TaskReading task) {
        return "running".equals(task.desiredState()) || "ready".equals(task.desiredState());
    }

    private static Node node(
            NodeReading n, Map<String, ServiceReading> services, List<TaskReading> owned, List<TaskReading> current) {
        List<NodeTask> here = current.stream()
                .filter(t -> n.id().equals(t.nodeId()))
                .map(t -> task(t, services.get(t.serviceId())))
                .sorted(Comparator.comparing(NodeTask::service))
                .toList();
        boolean away = !"ready".equals(n.state()) || "drain".equals(n.availability());
        return new Node(
                n.id(),
                n.hostname(),
                n.role(),
                n.leader(),
                n.availability(),
                n.state(),
                n.address(),
                n.engineVersion(),
                n.nanoCpus() / 1_000_000_000.0,
                n.memoryBytes(),
                n.labels(),
                n.managerReachability(),
                here,
                away ? rescheduled(n.id(), owned, current) : 0);
    }

    /**
     * Slots of replicated services that had a task on this node and whose current task runs on another node: Swarm
     * replaced it there. Global services run one task per node and are never moved.
     */
    static int rescheduled(String nodeId, List<TaskReading> owned, List<TaskReading> current) {
        Map<String, String> slotNode = new HashMap<>();
        current.stream()
                .filter(t -> t.slot() != null && !t.nodeId().isEmpty())
                .forEach(t -> slotNode.put(slotKey(t), t.nodeId()));
        return (int) owned.stream()
                .filter(t -> nodeId.equals(t.nodeId()) && t.slot() != null && !current(t))
                .map(ClusterPicture::slotKey)
                .distinct()
                .filter(slot -> slotNode.containsKey(slot) && !nodeId.equals(slotNode.get(slot)))
                .count();
    }

    private static String slotKey(TaskReading task) {
        return task.serviceId() + "/" + task.slot();
    }

    private static NodeTask task(TaskReading t, ServiceReading service) {
        return new NodeTask(
                service.name(),
                service.labels().getOrDefault(OwnedLabels.PROJECT, ""),
                OwnedLabels.version(service.labels()),
                t.state(),
                t.message());
    }

    private static AppService service(ServiceReading s, List<TaskReading> current) {
        List<TaskReading> mine =
                current.stream().filter(t -> s.id().equals(t.serviceId())).toList();
        int running =
                (int) mine.stream().filter(t -> "running".equals(t.state())).count();
        int desired = Objects.requireNonNullElse(s.replicas(), mine.size());
        return new AppService(
                s.name(),
                s.labels().getOrDefault(OwnedLabels.PROJECT, ""),
                OwnedLabels.version(s.labels()),
                desired,
                running);
    }

    /** Nodes that were ready at the previous poll and are not now; a node seen for the first time is not news. */
    static List<Node> wentDown(List<Node> before, List<Node> now) {
        Map<String, Node> previous =
                before.stream().collect(Collectors.toMap(Node::id, Function.identity(), (a, b) -> a));
        List<Node> down = new ArrayList<>();
        for (Node node : now) {
            Node was = previous.get(node.id());
            if (was != null && was.ready() && !node.ready()) {
                down.add(was);
            }
        }
        return down;
    }
}
