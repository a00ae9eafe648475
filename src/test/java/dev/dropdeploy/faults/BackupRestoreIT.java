package dev.dropdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.support.ApiClient;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.support.ProcessInstallation;
import dev.dropdeploy.workspace.ProjectSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * {@code scripts/backup.sh} (what {@code ./dropdeploy backup} and {@code restore} run) backs up an installation with
 * live apps while it runs; the machine is then lost (its apps deleted), and the backup is restored into a fresh
 * installation (an empty PostgreSQL, an empty data folder, another Traefik), where every app is live again from its
 * versions, at its address, for the same owner and API key.
 */
class BackupRestoreIT extends LiveInstallationIT {

    static final Path DATA = temporaryFolder();
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    static final String INSTANCE = "backup-" + SUFFIX;

    @DynamicPropertySource
    static void aDataFolderOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add(
                "dropdeploy.workspace.root", () -> DATA.resolve("workspaces").toString());
        registry.add(
                "dropdeploy.secrets.key-file", () -> DATA.resolve("secret.key").toString());
        registry.add("dropdeploy.runtime.instance", () -> INSTANCE);
    }

    @Autowired
    PostgreSQLContainer postgres;

    @Autowired
    ApiKeys keys;

    @TempDir
    Path temp;

    @Test
    void aBackupOfARunningInstallationRestoredIntoAFreshOneServesEveryAppAgainFromItsVersions() throws IOException {
        String key = keys.create(owner, "backup").key();
        ProjectSummary one = newProject("Kept One " + SUFFIX);
        ProjectSummary two = newProject("Kept Two " + SUFFIX);
        deploy(one, Map.of("index.html", "<h1>one, first version</h1>"));
        assertThat(deploy(one, Map.of("index.html", "<h1>one, second version</h1>"))
                        .state())
                .isEqualTo(DeploymentState.LIVE);
        assertThat(deploy(two, Map.of("index.html", "<h1>two, only version</h1>"))
                        .state())
                .isEqualTo(DeploymentState.LIVE);
        Path backup = temp.resolve("backup.tar.gz");

        run("backup", backup, original());
        List.of(one, two).forEach(p -> controls.delete(owner, p.id(), true)); // the machine is lost

        ProcessInstallation fresh = ProcessInstallation.create(temp.resolve("fresh"));
        ApiClient api = fresh.api(key);
        try {
            run(
                    "restore",
                    backup,
                    Map.of(
                            "DROPDEPLOY_DB_CONTAINER", fresh.databaseContainer(),
                            "DROPDEPLOY_DATA", fresh.dataFolder().toString(),
                            "DROPDEPLOY_INSTANCE", fresh.instance()));
            long starting = System.nanoTime();
            fresh.start();
            await("every app serves its live version in the restored installation")
                    .atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> serves(fresh, one, "one, second version") && serves(fresh, two, "two, only version"));
            Faults.report("restore into a fresh installation", starting, "from DropDeploy's start, apps rebuilt");

            assertThat(api.projects()).as("the owner and the key came back").hasSize(2);
            assertThat(serves(fresh, "v2--" + one.slug(), "one, second version"))
                    .isTrue();
        } finally {
            fresh.close(api);
        }
    }

    private Map<String, String> original() {
        return Map.of(
                "DROPDEPLOY_DB_CONTAINER", postgres.getContainerName().replaceFirst("^/", ""),
                "DROPDEPLOY_DB_USER", postgres.getUsername(),
                "DROPDEPLOY_DB_NAME", postgres.getDatabaseName(),
                "DROPDEPLOY_DATA", DATA.toString(),
                "DROPDEPLOY_INSTANCE", INSTANCE);
    }

    private static boolean serves(ProcessInstallation installation, ProjectSummary project, String content) {
        return serves(installation, project.slug(), content);
    }

    private static boolean serves(ProcessInstallation installation, String hostLabel, String content) {
        String host = hostLabel + ".localhost";
        return installation.appStatus(host) == 200 && installation.appBody(host).contains(content);
    }

    private void run(String command, Path backup, Map<String, String> environment) {
        try {
            Path log = temp.resolve(command + ".log");
            ProcessBuilder script = new ProcessBuilder("scripts/backup.sh", command, backup.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            script.environment().putAll(environment);
            Process process = script.start();
            assertThat(process.waitFor(3, TimeUnit.MINUTES))
                    .as(command + " finished")
                    .isTrue();
            assertThat(process.exitValue())
                    .as(command + ": " + Files.readString(log))
                    .isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("dd-backup-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
