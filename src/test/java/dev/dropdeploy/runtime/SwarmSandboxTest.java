package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SwarmSandboxTest {

    @Test
    void theSwarmBackendRefusesToStartWhenASandboxRuntimeIsAskedForThatItCannotApply() {
        assertThatThrownBy(() -> new SwarmAppContainers(
                        null,
                        RuntimeTestData.properties("traefik", "runsc"),
                        null,
                        null,
                        null,
                        "unix:///var/run/docker.sock"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"default-runtime\": \"runsc\"");
    }
}
