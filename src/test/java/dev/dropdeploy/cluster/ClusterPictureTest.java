package dev.dropdeploy.cluster;

import static dev.dropdeploy.cluster.FakeSwarm.node;
import static dev.dropdeploy.cluster.FakeSwarm.service;
import static dev.dropdeploy.cluster.FakeSwarm.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterPictureTest {

    @Test
    void eachNodeListsTheDropDeployTasksSwarmWantsRunningThere() {
        Cluster cluster = ClusterPicture.of(
                List.of(
                        node("w1", "worker-1", "worker", "ready", "active"),
                        node("m1", "main", "manager", "ready", "active")),
                List.of(service("s1", "shop", 2)),
                List.of(
                        task("s1", "m1", 1, "running", "running"),
                        task("s1", "w1", 2, "running", "running"),
                        task("s1", "w1", 2, "shutdown", "shutdown")));

        assertThat(cluster.mode()).isEqualTo(Cluster.Mode.SWARM);
        assertThat(cluster.message()).isEqualTo("2 nodes, 2 ready");
        assertThat(cluster.nodes()).extracting(Node::hostname).containsExactly("main", "worker-1");
        Node worker = cluster.nodes().get(1);
        assertThat(worker.tasks()).singleElement().satisfies(t -> {
            assertThat(t.project()).isEqualTo("shop");
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.running()).isTrue();
        });
        assertThat(worker.cpus()).isEqualTo(2.0);
        assertThat(cluster.services()).singleElement().satisfies(s -> {
            assertThat(s.desired()).isEqualTo(2);
            assertThat(s.running()).isEqualTo(2);
            assertThat(s.complete()).isTrue();
        });
    }

    @Test
    void tasksOfServicesThatAreNotDropDeploysAreLeftOut() {
        Cluster cluster = ClusterPicture.of(
                List.of(node("m1", "main", "manager", "ready", "active")),
                List.of(service("s1", "shop", 1)),
                List.of(task("s1", "m1", 1, "running", "running"), task("other", "m1", 1, "running", "running")));

        assertThat(cluster.nodes().getFirst().tasks()).hasSize(1);
    }

    @Test
    void aDownNodeShowsTheTasksSwarmMovedToAnotherNode() {
        Cluster cluster = ClusterPicture.of(
                List.of(
                        node("m1", "main", "manager", "ready", "active"),
                        node("w1", "worker-1", "worker", "down", "active")),
                List.of(service("s1", "shop", 2)),
                List.of(
                        task("s1", "m1", 1, "running", "running"),
                        // The node cannot report any more: its task still reads running, Swarm wants it shut down.
                        task("s1", "w1", 2, "running", "shutdown"),
                        task("s1", "m1", 2, "running", "running")));

        Node down = cluster.nodes().get(1);
        assertThat(down.ready()).isFalse();
        assertThat(down.tasks()).isEmpty();
        assertThat(down.rescheduled()).isEqualTo(1);
        assertThat(cluster.nodes().getFirst().tasks()).hasSize(2);
        assertThat(NodeCard.movedAway(down)).contains("1 task(s) that ran here now run on other nodes");
    }

    @Test
    void aServiceWhoseTasksFoundNoNodeYetReadsAsIncomplete() {
        Cluster cluster = ClusterPicture.of(
                List.of(node("m1", "main", "manager", "ready", "drain")),
                List.of(service("s1", "shop", 1)),
                List.of(task("s1", "m1", 1, "shutdown", "shutdown"), task("s1", "", 1, "pending", "running")));

        assertThat(cluster.services().getFirst().running()).isZero();
        assertThat(cluster.services().getFirst().complete()).isFalse();
        assertThat(cluster.nodes().getFirst().rescheduled())
                .as("the slot waits unplaced, it did not move to another node")
                .isZero();
    }

    @Test
    void aGlobalServiceWantsOneTaskPerNodeItRunsOn() {
        Cluster cluster = ClusterPicture.of(
                List.of(node("m1", "main", "manager", "ready", "active")),
                List.of(new SwarmEngine.ServiceReading("g", "dd-global", java.util.Map.of(), null)),
                List.of(new SwarmEngine.TaskReading("t", "g", "m1", null, "starting", "running", "")));

        assertThat(cluster.services().getFirst().desired()).isEqualTo(1);
        assertThat(cluster.services().getFirst().running()).isZero();
    }

    @Test
    void onlyANodeThatWasReadyAndIsNotNowWentDown() {
        Node readyBefore = picture(node("w1", "worker-1", "worker", "ready", "active"));
        Node downNow = picture(node("w1", "worker-1", "worker", "down", "active"));
        Node newAndDown = picture(node("w2", "worker-2", "worker", "down", "active"));

        assertThat(ClusterPicture.wentDown(List.of(readyBefore), List.of(downNow, newAndDown)))
                .extracting(Node::id)
                .containsExactly("w1");
        assertThat(ClusterPicture.wentDown(List.of(downNow), List.of(downNow))).isEmpty();
    }

    private static Node picture(SwarmEngine.NodeReading reading) {
        return ClusterPicture.of(List.of(reading), List.of(), List.of()).nodes().getFirst();
    }
}
