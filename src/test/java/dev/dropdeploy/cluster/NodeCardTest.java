package dev.dropdeploy.cluster;

import static dev.dropdeploy.cluster.FakeSwarm.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeCardTest {

    @Test
    void aNodesFactsReadAsStateRoleAvailabilityAndResources() {
        Node node = ClusterPicture.of(List.of(node("m1", "main", "manager", "ready", "drain")), List.of(), List.of())
                .nodes()
                .getFirst();

        assertThat(NodeCard.facts(node))
                .isEqualTo("READY · manager, reachable · drain · 2 CPUs, 4.0 GiB · Docker 26.1.5 · 10.0.0.1");
        assertThat(NodeCard.movedAway(node)).isEmpty();
    }

    @Test
    void aDownNodeWithNothingMovedYetSaysSwarmMovesItsTasks() {
        Node node = ClusterPicture.of(List.of(node("w1", "w", "worker", "down", "active")), List.of(), List.of())
                .nodes()
                .getFirst();

        assertThat(NodeCard.movedAway(node)).contains("This node is down; Swarm moves its tasks to other nodes");
    }

    @Test
    void fractionalCpusKeepOneDecimalAndOneCpuIsSingular() {
        assertThat(NodeCard.cpus(1.5)).isEqualTo("1.5 CPUs");
        assertThat(NodeCard.cpus(1)).isEqualTo("1 CPU");
    }
}
