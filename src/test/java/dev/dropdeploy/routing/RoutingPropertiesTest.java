package dev.dropdeploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RoutingPropertiesTest {

    @Test
    void httpsIsOffUnlessSetSoExistingInstallationsKeepPlainHttp() {
        RoutingProperties routing = bind(Map.of());

        assertThat(routing.tls().enabled()).isFalse();
        assertThat(routing.tls().certResolver()).isEqualTo("letsencrypt");
        assertThat(routing.tls().entrypoint()).isEqualTo("websecure");
        assertThat(routing.tls().port()).isEqualTo(443);
    }

    @Test
    void oneSettingTurnsHttpsOnForTheAppsDomain() {
        RoutingProperties routing = bind(Map.of(
                "apps-domain", "apps.example.com",
                "traefik-url", "https://traefik:443",
                "tls.enabled", "true"));

        assertThat(routing.tls().enabled()).isTrue();
        assertThat(routing.certificateDomain()).isEqualTo("apps.example.com");
    }

    @Test
    void httpsWithTheDefaultPlainTraefikUrlFailsAtStartWithWhatToSet() {
        assertThatThrownBy(() -> bind(Map.of("tls.enabled", "true")))
                .rootCause()
                .hasMessageContaining("DROPDEPLOY_TRAEFIK_URL")
                .hasMessageContaining("only redirects");
    }

    private static RoutingProperties bind(Map<String, String> settings) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        settings.forEach((key, value) -> prefixed.put("dropdeploy.routing." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("dropdeploy.routing", RoutingProperties.class);
    }
}
