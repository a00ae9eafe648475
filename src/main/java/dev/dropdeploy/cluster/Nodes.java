package dev.dropdeploy.cluster;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.cluster.SwarmEngine.EngineState;
import dev.dropdeploy.cluster.SwarmEngine.ServiceReading;
import dev.dropdeploy.runtime.RuntimeProperties;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The machines under DropDeploy, for administrators: read the cluster, drain a node, make it active again. On an
 * engine that is not in Swarm mode reading answers {@link Cluster.Mode#SINGLE_ENGINE} and changes are refused with
 * that reason. Every method checks the user itself, whatever page or endpoint is in front of it.
 */
@Service
@EnableConfigurationProperties(ClusterProperties.class)
public class Nodes {

    private static final Logger log = LoggerFactory.getLogger(Nodes.class);

    /** A node id (25 characters) or a host name; nothing else reaches the engine. */
    private static final Pattern NODE_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final SwarmEngine engine;
    private final String instance;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** @param runtime whose instance label marks this installation's services, as it marks its containers */
    Nodes(SwarmEngine engine, RuntimeProperties runtime, ApplicationEventPublisher events, Clock clock) {
        this.engine = engine;
        this.instance = runtime.instance();
        this.events = events;
        this.clock = clock;
    }

    public Cluster read(AccountUser admin) {
        requireAdmin(admin);
        return picture();
    }

    /** Swarm moves the node's tasks elsewhere; on the last active node they wait, pending, until one is active. */
    public Node drain(AccountUser admin, String node) {
        Node target = change(admin, node, "drain");
        events.publishEvent(new NodeDrained(target.id(), target.hostname(), admin.username(), clock.instant()));
        return target;
    }

    public Node activate(AccountUser admin, String node) {
        Node target = change(admin, node, "active");
        events.publishEvent(new NodeActivated(target.id(), target.hostname(), admin.username(), clock.instant()));
        return target;
    }

    /** Unchecked: for the watch, which acts for nobody and shows nothing. */
    Cluster picture() {
        EngineState state;
        try {
            state = engine.state();
        } catch (RuntimeException e) {
            return Cluster.unavailable("The Docker engine did not answer: " + e.getMessage());
        }
        return switch (state.mode()) {
            case SINGLE_ENGINE -> Cluster.singleEngine();
            case UNAVAILABLE -> Cluster.unavailable(unavailable(state));
            case SWARM -> swarm();
        };
    }

    private Cluster swarm() {
        try {
            List<ServiceReading> services = engine.services(OwnedLabels.filter(instance));
            return ClusterPicture.of(
                    engine.nodes(),
                    services,
                    engine.tasks(services.stream().map(ServiceReading::id).toList()));
        } catch (RuntimeException e) {
            log.warn("Could not read the swarm: {}", e.getMessage());
            return Cluster.unavailable("The swarm could not be read: " + e.getMessage());
        }
    }

    private Node change(AccountUser admin, String ref, String availability) {
        requireAdmin(admin);
        if (ref == null || !NODE_REF.matcher(ref).matches()) {
            throw new IllegalArgumentException(
                    "A node is named by its id or host name (letters, digits, '.', '_', '-')");
        }
        Cluster cluster = picture();
        if (cluster.mode() != Cluster.Mode.SWARM) {
            throw new NotASwarm(cluster.message());
        }
        Node target = find(cluster.nodes(), ref);
        engine.setAvailability(target.id(), availability);
        log.info("{} set node {} ({}) to {}", admin.username(), target.hostname(), target.id(), availability);
        Cluster after = picture();
        return after.nodes().stream()
                .filter(n -> n.id().equals(target.id()))
                .findFirst()
                .orElse(target);
    }

    /** By exact id, or by host name when exactly one node has it (two machines may share one). */
    static Node find(List<Node> nodes, String ref) {
        return nodes.stream()
                .filter(n -> n.id().equals(ref))
                .findFirst()
                .or(() -> {
                    List<Node> named =
                            nodes.stream().filter(n -> n.hostname().equals(ref)).toList();
                    if (named.size() > 1) {
                        throw new IllegalArgumentException(
                                named.size() + " nodes are called " + ref + "; name one by its id");
                    }
                    return named.stream().findFirst();
                })
                .orElseThrow(() -> new NoSuchNode("No node " + ref + " in this swarm"));
    }

    private static String unavailable(EngineState state) {
        String base = "active".equals(state.localNodeState())
                ? "This engine is a swarm worker, not a manager: nodes can only be read and changed on a manager."
                : "The swarm is " + state.localNodeState() + " on this engine.";
        return state.detail().isBlank() ? base : base + " " + state.detail();
    }

    private static void requireAdmin(AccountUser user) {
        if (user == null || !user.admin()) {
            throw new AccessDeniedException("Only an administrator may see or change the nodes");
        }
    }

    /** Nodes were named that this swarm does not have. */
    static final class NoSuchNode extends RuntimeException {
        NoSuchNode(String message) {
            super(message);
        }
    }

    /** A change was asked of an engine that is not a swarm manager. */
    static final class NotASwarm extends IllegalStateException {
        NotASwarm(String message) {
            super(message);
        }
    }
}
