package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPoolTest {

    private final NetworkPool pool = NetworkPool.parse("10.200.0.0/15");

    @Test
    void theDefaultPoolHoldsThousandsOfProjectNetworks() {
        assertThat(pool.capacity()).isEqualTo(4096);
    }

    @Test
    void theFirstFreeSubnetSkipsTakenAndOverlappingOnes() {
        assertThat(pool.firstFree(List.of())).contains("10.200.0.0/27");
        assertThat(pool.firstFree(List.of("10.200.0.0/27", "172.17.0.0/16", "fd00::/64")))
                .contains("10.200.0.32/27");
        assertThat(pool.firstFree(List.of("10.200.0.0/24")))
                .as("a foreign /24 inside the pool")
                .contains("10.200.1.0/27");
    }

    @Test
    void aFullPoolSaysSo() {
        NetworkPool small = NetworkPool.parse("10.9.0.0/26");
        assertThat(small.firstFree(List.of("10.9.0.0/27", "10.9.0.32/27"))).isEmpty();
    }

    @Test
    void containersGetTheLowerHalfAndTraefikTheReservedUpperAddresses() {
        assertThat(NetworkPool.containerRange("10.200.0.32/27")).isEqualTo("10.200.0.32/28");
        assertThat(NetworkPool.gateway("10.200.0.32/27")).isEqualTo("10.200.0.33");
        assertThat(NetworkPool.infrastructureAddress("10.200.0.32/27", 0)).isEqualTo("10.200.0.60");
        assertThat(NetworkPool.infrastructureAddress("10.200.0.32/27", 2)).isEqualTo("10.200.0.62");
    }

    /** The firewall's one mask (0.0.0.28/0.0.0.28) must match Traefik's addresses and never a container's. */
    @Test
    void theFirewallMaskMatchesExactlyTheInfrastructureAddressesOfEverySubnet() {
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String subnet = pool.firstFree(used).orElseThrow();
            used.add(subnet);
            int start = lastOctet(subnet.split("/")[0]);
            for (int offset = 1; offset < 32; offset++) {
                boolean infrastructure = offset >= 28 && offset <= 30;
                boolean masked = ((start + offset) & 28) == 28;
                boolean containerRange = offset < 16;
                assertThat(masked).as(subnet + " +" + offset).isEqualTo(infrastructure || offset == 31);
                assertThat(containerRange && masked).isFalse();
            }
        }
    }

    @Test
    void aPoolThatIsNotACidrIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> NetworkPool.parse("10.200.0.1/15"));
        assertThatIllegalArgumentException().isThrownBy(() -> NetworkPool.parse("10.200.0.0/28"));
        assertThatIllegalArgumentException().isThrownBy(() -> NetworkPool.parse("nonsense"));
    }

    private static int lastOctet(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
    }
}
