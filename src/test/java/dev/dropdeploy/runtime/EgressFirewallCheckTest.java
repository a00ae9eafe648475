package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EgressFirewallCheckTest {

    @Test
    void theFirewallCountsAsInstalledOnlyWhenDockerUserSendsThePoolToItsChain() {
        String installed =
                "-N DOCKER-USER\n-A DOCKER-USER -s 10.200.0.0/15 -j DROPDEPLOY-EGRESS\n-A DOCKER-USER -j RETURN\n";

        assertThat(EgressFirewallCheck.installedFor(installed, "10.200.0.0/15")).isTrue();
        assertThat(EgressFirewallCheck.installedFor(installed, "10.50.0.0/16"))
                .as("another pool")
                .isFalse();
        assertThat(EgressFirewallCheck.installedFor("-N DOCKER-USER\n-A DOCKER-USER -j RETURN\n", "10.200.0.0/15"))
                .isFalse();
    }
}
