package dev.dropdeploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.Reachability;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeEngineDescription;
import com.github.dockerjava.api.model.SwarmNodeManagerStatus;
import com.github.dockerjava.api.model.SwarmNodeResources;
import com.github.dockerjava.api.model.SwarmNodeRole;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwarmReadingsTest {

    @Test
    void anEngineOutsideSwarmModeIsASingleEngine() {
        assertThat(SwarmReadings.state(new Info()).mode()).isEqualTo(Cluster.Mode.SINGLE_ENGINE);
        assertThat(SwarmReadings.state(info(LocalNodeState.INACTIVE, false)).mode())
                .isEqualTo(Cluster.Mode.SINGLE_ENGINE);
    }

    @Test
    void onlyAnActiveManagerCanReadTheSwarm() {
        assertThat(SwarmReadings.state(info(LocalNodeState.ACTIVE, true)).mode())
                .isEqualTo(Cluster.Mode.SWARM);
        assertThat(SwarmReadings.state(info(LocalNodeState.ACTIVE, false)).mode())
                .isEqualTo(Cluster.Mode.UNAVAILABLE);
        assertThat(SwarmReadings.state(info(LocalNodeState.LOCKED, true)).mode())
                .isEqualTo(Cluster.Mode.UNAVAILABLE);
    }

    @Test
    void aManagerNodeMapsWithItsResourcesLabelsAndReachability() {
        SwarmNode node = new SwarmNode()
                .withId("abc123")
                .withSpec(new SwarmNodeSpec()
                        .withRole(SwarmNodeRole.MANAGER)
                        .withAvailability(SwarmNodeAvailability.DRAIN)
                        .withLabels(Map.of("zone", "a")))
                .withDescription(new SwarmNodeDescription()
                        .withHostname("main")
                        .withResources(new SwarmNodeResources()
                                .withNanoCPUs(4_000_000_000L)
                                .withMemoryBytes(8L << 30))
                        .withEngine(new SwarmNodeEngineDescription().withEngineVersion("26.1.5")))
                .withStatus(
                        new SwarmNodeStatus().withState(SwarmNodeState.READY).withAddress("172.17.0.1"))
                .withManagerStatus(
                        new SwarmNodeManagerStatus().withLeader(true).withReachability(Reachability.REACHABLE));

        SwarmEngine.NodeReading reading = SwarmReadings.node(node);

        assertThat(reading)
                .isEqualTo(new SwarmEngine.NodeReading(
                        "abc123",
                        "main",
                        "manager",
                        true,
                        "drain",
                        "ready",
                        "172.17.0.1",
                        "26.1.5",
                        4_000_000_000L,
                        8L << 30,
                        Map.of("zone", "a"),
                        "reachable"));
    }

    @Test
    void aNodeThatNeverReportedMapsToEmptyValuesNotNulls() {
        SwarmEngine.NodeReading reading = SwarmReadings.node(new SwarmNode().withId("x"));

        assertThat(reading.hostname()).isEmpty();
        assertThat(reading.state()).isEqualTo("unknown");
        assertThat(reading.role()).isEmpty();
        assertThat(reading.nanoCpus()).isZero();
        assertThat(reading.labels()).isEmpty();
        assertThat(reading.managerReachability()).isEmpty();
    }

    @Test
    void aReplicatedServiceKeepsItsReplicasAndAGlobalOneHasNone() {
        Service replicated =
                service("{\"ID\":\"s1\",\"Spec\":{\"Name\":\"dd-shop\",\"Labels\":{\"dropdeploy.project\":\"shop\"},"
                        + "\"Mode\":{\"Replicated\":{\"Replicas\":3}}}}");
        Service global = service("{\"ID\":\"s2\",\"Spec\":{\"Name\":\"dd-g\",\"Mode\":{\"Global\":{}}}}");

        assertThat(SwarmReadings.service(replicated))
                .isEqualTo(new SwarmEngine.ServiceReading("s1", "dd-shop", Map.of("dropdeploy.project", "shop"), 3));
        assertThat(SwarmReadings.service(global).replicas()).isNull();
    }

    @Test
    void aFailedTaskCarriesTheEnginesErrorAsItsMessage() {
        Task task = new Task()
                .withId("t1")
                .withServiceId("s1")
                .withSlot(1)
                .withDesiredState(TaskState.SHUTDOWN)
                .withStatus(new TaskStatus()
                        .withState(TaskState.FAILED)
                        .withMessage("started")
                        .withErr("task: non-zero exit (1)"));

        assertThat(SwarmReadings.task(task))
                .isEqualTo(new SwarmEngine.TaskReading(
                        "t1", "s1", "", 1, "failed", "shutdown", "task: non-zero exit (1)"));
    }

    private static Info info(LocalNodeState state, boolean manager) {
        return new Info().withSwarm(new SwarmInfo().withLocalNodeState(state).withControlAvailable(manager));
    }

    /** docker-java reads services with its own (Jackson 2) mapper, as the engine's JSON; so does this test. */
    private static Service service(String engineJson) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(engineJson, Service.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
