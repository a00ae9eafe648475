package dev.dropdeploy.faults;

import static dev.dropdeploy.support.ApiClient.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.support.ApiClient;
import dev.dropdeploy.support.ProcessInstallation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import tools.jackson.databind.JsonNode;

/**
 * The Docker engine restarts (an upgrade, a crash) while apps serve and a build runs: the apps come back without a
 * redeploy, the build's deployment fails with a reason, and DropDeploy, which stayed up, deploys again. Restarting
 * dockerd stops every container of every test, so this runs last, in a JVM of its own (the {@code engine-restart}
 * failsafe execution), and never while other tests use the engine.
 */
@Tag("engine-restart")
class DockerEngineRestartIT {

    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(4);
    static final Path PID_FILE = Path.of("/var/run/docker.pid");

    @TempDir
    Path home;

    @Test
    void afterAnEngineRestartAppsServeAgainAndTheBuildThatRanIsFailedWithAReason() {
        ProcessInstallation installation = ProcessInstallation.create(home);
        ApiClient api = null;
        try {
            installation.start();
            api = installation.newAccount();
            restartTheEngineMidBuild(installation, api);
        } finally {
            installation.close(api);
        }
    }

    private void restartTheEngineMidBuild(ProcessInstallation installation, ApiClient api) {
        String host = "engine.localhost";
        JsonNode live = api.awaitFinal(
                api.deploy("engine", Map.of("index.html", "<h1>survives the engine</h1>")), DEPLOY_TIMEOUT);
        assertThat(state(live)).as(live.toString()).isEqualTo("LIVE");
        String building = api.deploy("engine", Faults.SLOW_BUILD);
        Faults.awaitSlowStep(api, building);

        restartDockerd();
        long back = System.nanoTime();

        await("the app serves again through Traefik")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> installation.appStatus(host) == 200);
        Faults.report("Docker engine restarted", back, "app containers and Traefik restarted by their restart policy");
        assertThat(installation.appBody(host)).contains("survives the engine");

        JsonNode interrupted = api.awaitFinal(building, Duration.ofMinutes(3));
        assertThat(state(interrupted)).isEqualTo("FAILED");
        assertThat(interrupted.get("reason").asString()).isNotBlank();
        assertThat(installation.process().alive()).as("DropDeploy rode it out").isTrue();
        await("DropDeploy answers (its PostgreSQL restarted too)")
                .atMost(Duration.ofMinutes(2))
                .until(() -> api.send("GET", "/projects").statusCode() == 200);

        JsonNode again =
                api.awaitFinal(api.deploy("engine", Map.of("index.html", "<h1>after the engine</h1>")), DEPLOY_TIMEOUT);
        assertThat(state(again)).as("work resumes: " + again).isEqualTo("LIVE");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> installation.appBody(host).contains("after the engine"));
    }

    /** SIGTERM to dockerd (what a service manager sends), then {@code scripts/docker-engine.sh ensure} starts it. */
    private static void restartDockerd() {
        long pid = Long.parseLong(read(PID_FILE).strip());
        ProcessHandle dockerd = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no dockerd " + pid));
        dockerd.destroy();
        await("dockerd stopped").atMost(Duration.ofMinutes(2)).until(() -> !dockerd.isAlive());
        run("scripts/docker-engine.sh", "ensure");
        await("the engine answers")
                .atMost(Duration.ofMinutes(2))
                .ignoreExceptions()
                .until(() -> DockerClientFactory.instance().client().pingCmd().exec() == null);
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            assertThat(process.waitFor(3, TimeUnit.MINUTES))
                    .as("%s finished", (Object) command)
                    .isTrue();
            assertThat(process.exitValue()).as("%s", (Object) command).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
