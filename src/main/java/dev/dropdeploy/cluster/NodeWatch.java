package dev.dropdeploy.cluster;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the nodes every {@code dropdeploy.cluster.poll-every} and publishes {@link NodeWentDown} for a node that was
 * ready at the previous look and is not now. On a single engine it reads one {@code docker info} and stops there.
 */
@Component
class NodeWatch {

    private static final Logger log = LoggerFactory.getLogger(NodeWatch.class);

    private final Nodes nodes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private List<Node> previous = List.of();

    NodeWatch(Nodes nodes, ApplicationEventPublisher events, Clock clock) {
        this.nodes = nodes;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${dropdeploy.cluster.poll-every:30s}",
            fixedDelayString = "${dropdeploy.cluster.poll-every:30s}")
    synchronized void look() {
        Cluster cluster = nodes.picture();
        if (cluster.mode() != Cluster.Mode.SWARM) {
            // An unreadable swarm says nothing about its nodes; keep the last picture to compare with.
            previous = cluster.mode() == Cluster.Mode.SINGLE_ENGINE ? List.of() : previous;
            return;
        }
        for (Node down : ClusterPicture.wentDown(previous, cluster.nodes())) {
            Node now = cluster.nodes().stream()
                    .filter(n -> n.id().equals(down.id()))
                    .findFirst()
                    .orElse(down);
            log.warn(
                    "Node {} ({}) is {}; Swarm reschedules its {} DropDeploy task(s)",
                    down.hostname(),
                    down.id(),
                    now.state(),
                    down.tasks().size());
            events.publishEvent(new NodeWentDown(
                    down.id(), down.hostname(), now.state(), down.tasks().size(), clock.instant()));
        }
        previous = cluster.nodes();
    }
}
