package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What the production install promises, checked in the file itself (ProductionComposeIT runs it). */
class ProductionComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private final Map<String, Object> compose = load();

    @Test
    void dropDeployPublishesNoPortAndIsReachedThroughTraefikAtAHostOfItsOwn() {
        Map<String, Object> dropdeploy = section(section(compose, "services"), "dropdeploy");

        assertThat(dropdeploy).doesNotContainKey("ports");
        assertThat(section(dropdeploy, "environment")).containsKeys("DROPDEPLOY_HOST", "DROPDEPLOY_SELF_CONTAINER");
    }

    @Test
    void theDataFolderIsANamedVolumeWhereTheImageKeepsIt() throws IOException {
        Map<String, Object> dropdeploy = section(section(compose, "services"), "dropdeploy");

        assertThat(dropdeploy.get("volumes").toString()).contains("data:/var/lib/dropdeploy");
        assertThat(section(compose, "volumes")).containsKey("data");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("DROPDEPLOY_DATA=/var/lib/dropdeploy");
    }

    @Test
    void itsNetworksSortBeforeEveryProjectNetworkSoPublishedPortsStayOnThem() {
        section(compose, "networks").values().forEach(network -> {
            String name = String.valueOf(((Map<?, ?>) network).get("name"));
            assertThat(name.compareTo("dd-net-")).as(name).isNegative();
        });
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
