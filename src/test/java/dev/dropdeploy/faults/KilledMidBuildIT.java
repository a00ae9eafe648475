package dev.dropdeploy.faults;

import static dev.dropdeploy.support.ApiClient.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.support.ApiClient;
import dev.dropdeploy.support.ProcessInstallation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** DropDeploy dies with SIGKILL while a build runs, the way the OOM killer or a power cut ends it, and starts again. */
class KilledMidBuildIT {

    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path home;

    @Test
    void aBuildCutOffBySigkillIsFailedWithAReasonThePreviousVersionKeepsServingAndItsTemporaryFilesAreSwept() {
        ProcessInstallation installation = ProcessInstallation.create(home);
        ApiClient api = null;
        try {
            installation.start("--dropdeploy.temp-exclusive=true");
            api = installation.newAccount();
            killMidBuildAndRestart(installation, api);
        } finally {
            installation.close(api);
        }
    }

    private void killMidBuildAndRestart(ProcessInstallation installation, ApiClient api) {
        String host = "killed.localhost";
        JsonNode first =
                api.awaitFinal(api.deploy("killed", Map.of("index.html", "<h1>version one</h1>")), DEPLOY_TIMEOUT);
        assertThat(state(first)).as(first.toString()).isEqualTo("LIVE");
        assertThat(installation.appBody(host)).contains("version one");

        String building = api.deploy("killed", Faults.SLOW_BUILD);
        Faults.awaitSlowStep(api, building);
        List<Path> leftovers = temporaryFiles(installation);
        installation.process().kill();
        assertThat(leftovers).as("what the build had in the temporary folder").isNotEmpty();
        assertThat(installation.appStatus(host))
                .as("apps serve while DropDeploy is down")
                .isEqualTo(200);

        long restarting = System.nanoTime();
        installation.start("--dropdeploy.temp-exclusive=true");
        await().atMost(Duration.ofSeconds(30)).until(() -> installation.appStatus(host) == 200);
        Faults.report("DropDeploy killed mid-build", restarting, "its apps were never down");

        JsonNode interrupted = api.deployment(building);
        assertThat(state(interrupted)).isEqualTo("FAILED");
        assertThat(interrupted.get("reason").asString()).contains("DropDeploy restarted");
        assertThat(installation.appBody(host)).contains("version one");
        assertThat(leftovers).allSatisfy(path -> assertThat(path).doesNotExist());

        JsonNode again =
                api.awaitFinal(api.deploy("killed", Map.of("index.html", "<h1>version three</h1>")), DEPLOY_TIMEOUT);
        assertThat(state(again)).as("work resumes: " + again).isEqualTo("LIVE");
    }

    private static List<Path> temporaryFiles(ProcessInstallation installation) {
        try (Stream<Path> entries = Files.list(installation.process().temporaryFolder())) {
            return entries.filter(p -> p.getFileName().toString().startsWith("dropdeploy-"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
