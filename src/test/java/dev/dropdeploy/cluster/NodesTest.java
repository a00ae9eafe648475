package dev.dropdeploy.cluster;

import static dev.dropdeploy.cluster.FakeSwarm.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.account.AccountUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class NodesTest {

    static final AccountUser ADMIN = new AccountUser(UUID.randomUUID(), "root", true);
    static final AccountUser ANN = new AccountUser(UUID.randomUUID(), "ann", false);

    final FakeSwarm swarm = new FakeSwarm();
    final List<Object> published = new ArrayList<>();
    final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    final Nodes nodes = new Nodes(swarm, FakeSwarm.runtime("prod"), published::add, clock);

    @Test
    void onlyAnAdministratorMayReadOrChangeTheNodes() {
        swarm.nodes.add(node("m1", "main", "manager", "ready", "active"));

        assertThatThrownBy(() -> nodes.read(ANN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nodes.drain(ANN, "m1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> nodes.read(null)).isInstanceOf(AccessDeniedException.class);
        assertThat(swarm.changes).isEmpty();
    }

    @Test
    void aSingleEngineIsReportedPlainlyAndChangesAreRefusedWithThatReason() {
        swarm.state = new SwarmEngine.EngineState(Cluster.Mode.SINGLE_ENGINE, "inactive", "");

        Cluster cluster = nodes.read(ADMIN);

        assertThat(cluster.mode()).isEqualTo(Cluster.Mode.SINGLE_ENGINE);
        assertThat(cluster.message()).startsWith("Single-engine mode").contains("node add --init");
        assertThat(cluster.nodes()).isEmpty();
        assertThatThrownBy(() -> nodes.drain(ADMIN, "m1"))
                .isInstanceOf(Nodes.NotASwarm.class)
                .hasMessageStartingWith("Single-engine mode");
    }

    @Test
    void aWorkerEngineSaysThatNodesAreReadOnAManager() {
        swarm.state = new SwarmEngine.EngineState(Cluster.Mode.UNAVAILABLE, "active", "");

        assertThat(nodes.read(ADMIN).message()).contains("worker, not a manager");
    }

    @Test
    void anEngineThatDoesNotAnswerIsAnUnavailableClusterNotAnError() {
        swarm.unreachable = new IllegalStateException("connection refused");

        Cluster cluster = nodes.read(ADMIN);

        assertThat(cluster.mode()).isEqualTo(Cluster.Mode.UNAVAILABLE);
        assertThat(cluster.message()).contains("connection refused");
    }

    @Test
    void onlyThisInstancesManagedServicesAreAskedFor() {
        nodes.read(ADMIN);

        assertThat(swarm.askedLabels)
                .containsEntry("dropdeploy.managed", "true")
                .containsEntry("dropdeploy.instance", "prod");
    }

    @Test
    void drainingANodeByHostNameChangesItAndPublishesNodeDrained() {
        swarm.nodes.add(node("m1", "main", "manager", "ready", "active"));
        swarm.nodes.add(node("w1", "worker-1", "worker", "ready", "active"));

        Node drained = nodes.drain(ADMIN, "worker-1");

        assertThat(swarm.changes).containsExactly("w1=drain");
        assertThat(drained.drained()).as("the node as it is after the change").isTrue();
        assertThat(published)
                .containsExactly(new NodeDrained("w1", "worker-1", "root", Instant.parse("2026-12-03T10:00:00Z")));
    }

    @Test
    void activatingANodeByIdPublishesNodeActivated() {
        swarm.nodes.add(node("w1", "worker-1", "worker", "ready", "drain"));

        nodes.activate(ADMIN, "w1");

        assertThat(swarm.changes).containsExactly("w1=active");
        assertThat(published).singleElement().isInstanceOf(NodeActivated.class);
    }

    @Test
    void hostileOrUnknownNodeNamesNeverReachTheEngine() {
        swarm.nodes.add(node("w1", "worker-1", "worker", "ready", "active"));

        for (String hostile : new String[] {"", "../nodes", "w1;rm -rf /", "-w1", "a".repeat(200), "w1\n"}) {
            assertThatThrownBy(() -> nodes.drain(ADMIN, hostile))
                    .as(hostile)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> nodes.drain(ADMIN, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nodes.drain(ADMIN, "w")).isInstanceOf(Nodes.NoSuchNode.class);
        assertThat(swarm.changes).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aHostNameTwoNodesShareMustBeGivenAsAnId() {
        swarm.nodes.add(node("w1", "twin", "worker", "ready", "active"));
        swarm.nodes.add(node("w2", "twin", "worker", "ready", "active"));

        assertThatThrownBy(() -> nodes.drain(ADMIN, "twin")).hasMessageContaining("2 nodes are called twin");
        nodes.drain(ADMIN, "w2");
        assertThat(swarm.changes).containsExactly("w2=drain");
    }
}
