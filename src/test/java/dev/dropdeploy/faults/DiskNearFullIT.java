package dev.dropdeploy.faults;

import static dev.dropdeploy.support.ApiClient.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.support.ApiClient;
import dev.dropdeploy.support.LiveInstallationIT;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The disk where the engine keeps images is "nearly full": the free-space watermark is set above what this machine has
 * free, rather than filling a real disk. A new build is refused and the reason reaches whoever deployed.
 */
class DiskNearFullIT extends LiveInstallationIT {

    @DynamicPropertySource
    static void moreFreeSpaceThanAnyDiskHas(DynamicPropertyRegistry registry) {
        registry.add("dropdeploy.build.disk.min-free", () -> "1000000GB");
    }

    @Autowired
    ApiKeys keys;

    @Test
    void aNewBuildIsRefusedWithTheReasonWhichTheApiReports() {
        ApiClient api = new ApiClient(
                "http://localhost:" + APP_PORT, keys.create(owner, "disk").key());

        JsonNode refused =
                api.awaitFinal(api.deploy("disk-full", Map.of("index.html", "<p>no room</p>")), Duration.ofMinutes(2));

        assertThat(state(refused)).isEqualTo("FAILED");
        assertThat(refused.get("reason").asString())
                .contains("low on disk space")
                .contains("builds need at least 1024000000 MB")
                .contains("Running apps are not affected");
    }
}
