package dev.dropdeploy.cluster;

import static dev.dropdeploy.cluster.FakeSwarm.node;
import static dev.dropdeploy.cluster.FakeSwarm.service;
import static dev.dropdeploy.cluster.FakeSwarm.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeWatchTest {

    final FakeSwarm swarm = new FakeSwarm();
    final List<Object> published = new ArrayList<>();
    final Clock clock = Clock.systemUTC();
    final NodeWatch watch =
            new NodeWatch(new Nodes(swarm, FakeSwarm.runtime("default"), e -> {}, clock), published::add, clock);

    @Test
    void aNodeThatGoesFromReadyToDownIsReportedOnceWithTheTasksItRan() {
        swarm.nodes.add(node("w1", "worker-1", "worker", "ready", "active"));
        swarm.services.add(service("s1", "shop", 1));
        swarm.tasks.add(task("s1", "w1", 1, "running", "running"));
        watch.look();
        assertThat(published).isEmpty();

        swarm.nodes.set(0, node("w1", "worker-1", "worker", "down", "active"));
        watch.look();
        watch.look();

        assertThat(published).singleElement().isInstanceOfSatisfying(NodeWentDown.class, e -> {
            assertThat(e.hostname()).isEqualTo("worker-1");
            assertThat(e.state()).isEqualTo("down");
            assertThat(e.tasksMoved()).isEqualTo(1);
        });
    }

    @Test
    void aSingleEngineNeverReportsANodeDown() {
        swarm.state = new SwarmEngine.EngineState(Cluster.Mode.SINGLE_ENGINE, "inactive", "");
        watch.look();
        watch.look();

        assertThat(published).isEmpty();
    }
}
