package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SwarmSpecsTest {

    final SwarmProperties swarm = swarm(false, List.of());

    String json(ContainerSpec spec, SwarmProperties swarm, String dataNode) throws Exception {
        var service = SwarmSpecs.service(
                spec,
                "dd-shop-v3-abc123",
                "1000:1000",
                new ResourceLimits(DataSize.ofMegabytes(256), 0.5, 128),
                RuntimeTestData.properties(),
                swarm,
                spec.replicas(),
                dataNode);
        return new ObjectMapper().writeValueAsString(service);
    }

    @Test
    void theServiceSpecCarriesTheHardeningTheEngineBackendGivesAContainer() throws Exception {
        String json = json(RuntimeTestData.spec("shop", 3, "img", Map.of(), true), swarm, null);

        assertThat(json)
                .contains("\"CapabilityDrop\":[\"ALL\"]")
                .contains("\"Pids\":128")
                .contains("\"MemoryBytes\":268435456")
                .contains("\"NanoCPUs\":500000000")
                .contains("\"ReadOnly\":true")
                .contains("\"Init\":true")
                .contains("\"User\":\"1000:1000\"")
                .contains("\"Target\":\"/tmp\"")
                .contains("net.ipv4.ip_unprivileged_port_start")
                .contains("\"Condition\":\"any\"")
                .contains("\"Mode\":\"dnsrr\"")
                .contains("\"SpreadDescriptor\":\"node.id\"")
                .contains("\"dropdeploy.project\":\"shop\"")
                .contains("\"Target\":\"dd-net-shop\"");
    }

    @Test
    void replicasWorkersOnlyAndConstraintsReachThePlacement() throws Exception {
        ContainerSpec spec = new ContainerSpec("shop", 3, "d", "img", 8080, Map.of(), false, null, null, 3);
        String json = json(spec, swarm(true, List.of("node.labels.apps==true")), null);

        assertThat(json)
                .contains("\"Replicas\":3")
                .contains("node.role==worker")
                .contains("node.labels.apps==true")
                .contains("\"dropdeploy.replicas\":\"3\"")
                .doesNotContain("\"Target\":\"/tmp\"");
    }

    @Test
    void anAppWithADataFolderIsPinnedToTheNodeThatHoldsIt() throws Exception {
        ContainerSpec spec =
                new ContainerSpec("shop", 3, "d", "img", 8080, Map.of(), false, null, new DataFolder("helper"), 2);

        assertThat(json(spec, swarm, "manager-node-id"))
                .contains("node.id==manager-node-id")
                .contains("\"/data\"");
    }

    @Test
    void aSpecAsksForAtLeastOneReplica() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new ContainerSpec("shop", 1, "d", "img", 8080, Map.of(), false, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one replica");
    }

    static SwarmProperties swarm(boolean workersOnly, List<String> constraints) {
        return new SwarmProperties(
                "relay",
                true,
                workersOnly,
                constraints,
                5,
                "",
                "registry",
                java.nio.file.Path.of("registry.password"),
                java.time.Duration.ofHours(1));
    }
}
