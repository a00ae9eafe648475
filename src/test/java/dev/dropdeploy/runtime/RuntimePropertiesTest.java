package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class RuntimePropertiesTest {

    static RuntimeProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("dropdeploy.runtime", RuntimeProperties.class);
    }

    @Test
    void defaults_fit_a_small_app_on_a_two_core_host() {
        RuntimeProperties properties = bind(Map.of());

        assertThat(properties.memory()).isEqualTo(DataSize.ofMegabytes(512));
        assertThat(properties.cpus()).isEqualTo(1.0);
        assertThat(properties.pids()).isEqualTo(256);
        assertThat(properties.stopGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.restartPolicy()).isEqualTo("unless-stopped");
        assertThat(properties.traefikContainer()).isEqualTo("dropdeploy-traefik");
        assertThat(properties.ociRuntime()).isEmpty();
    }

    @Test
    void settings_bind_from_their_kebab_case_names() {
        RuntimeProperties properties =
                bind(Map.of("dropdeploy.runtime.oci-runtime", "runsc", "dropdeploy.runtime.memory", "1GB"));

        assertThat(properties.ociRuntime()).isEqualTo("runsc");
        assertThat(properties.memory()).isEqualTo(DataSize.ofGigabytes(1));
    }
}
