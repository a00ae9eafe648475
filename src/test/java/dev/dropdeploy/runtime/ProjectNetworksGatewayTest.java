package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectNetworksGatewayTest {

    @Test
    void aTraefikOnANetworkSortingAfterTheProjectNetworksWouldLoseItsPublishedPorts() {
        assertThat(ProjectNetworks.takesOverGateway(Set.of("proxy"), "dd-net-shop"))
                .hasValue("proxy");
        assertThat(ProjectNetworks.takesOverGateway(Set.of("proxy", "edge"), "dd-net-shop"))
                .hasValue("edge");
    }

    @Test
    void aTraefikOnTheDefaultBridgeOrTheComposeEdgeNetworkKeepsThem() {
        assertThat(ProjectNetworks.takesOverGateway(Set.of("bridge"), "dd-net-shop"))
                .isEmpty();
        assertThat(ProjectNetworks.takesOverGateway(Set.of("dd-edge-dropdeploy"), "dd-net-shop"))
                .isEmpty();
        assertThat(ProjectNetworks.takesOverGateway(Set.of(), "dd-net-shop")).isEmpty();
    }

    @Test
    void onlyTheFirstProjectNetworkToTakeThemOverIsReported() {
        assertThat(ProjectNetworks.takesOverGateway(Set.of("proxy", "dd-net-shop"), "dd-net-blog"))
                .isEmpty();
    }
}
