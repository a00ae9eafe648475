package dev.dropdeploy.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.dropdeploy.account.KeysForTests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A whole installation as {@code ./dropdeploy up} makes it, for tests that break one of its parts: its own PostgreSQL
 * and Traefik (fixed host ports and a restart policy, so they come back on the same ports after a stop or an engine
 * restart) and DropDeploy as a {@link DropDeployProcess}. Every app it runs carries its own instance label.
 */
public final class ProcessInstallation implements AutoCloseable {

    private static final DockerClient DOCKER = DockerClientFactory.instance().client();

    private final String instance = "faults-" + UUID.randomUUID().toString().substring(0, 8);
    private final int port = TraefikForTests.freePort();
    private final int databasePort = TraefikForTests.freePort();
    private final int appsPort = TraefikForTests.freePort();
    private final Path home;
    private final PostgreSQLContainer postgres;
    private final GenericContainer<?> traefik;
    private DropDeployProcess dropdeploy;

    private ProcessInstallation(Path home) {
        this.home = home;
        postgres = new PostgreSQLContainer(CatalogImages.image("postgres").asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("dropdeploy")
                .withUsername("dropdeploy")
                .withPassword("dropdeploy")
                .withCreateContainerCmdModifier(cmd -> fixed(cmd, instance + "-postgres", databasePort + ":5432"));
        traefik = TraefikForTests.container(TraefikForTests.staticConfig(port))
                .withExposedPorts(80, 8082)
                .withCreateContainerCmdModifier(cmd ->
                        fixed(cmd, instance + "-traefik", appsPort + ":80", TraefikForTests.freePort() + ":8082"));
    }

    /** Starts its PostgreSQL and Traefik; DropDeploy itself starts with {@link #start}. */
    public static ProcessInstallation create(Path home) {
        ProcessInstallation installation = new ProcessInstallation(home);
        installation.postgres.start();
        installation.traefik.start();
        installation.dropdeploy = new DropDeployProcess(
                home,
                installation.settings(),
                Map.of("DROPDEPLOY_DATA", installation.dataFolder().toString()));
        return installation;
    }

    /** Starts DropDeploy and waits until it is healthy. */
    public void start(String... extraSettings) {
        dropdeploy.start(port, extraSettings);
    }

    public DropDeployProcess process() {
        return dropdeploy;
    }

    /** A new administrator with an API key, written into the database (DropDeploy must have run once: the schema). */
    public ApiClient newAccount() {
        return api(KeysForTests.accountWithKey(
                postgres.getJdbcUrl(), "dropdeploy", "dropdeploy", "owner-" + UUID.randomUUID()));
    }

    public ApiClient api(String key) {
        return new ApiClient(url(), key);
    }

    /** The dashboard's address. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** Where Traefik serves the apps. */
    public String appsEntry() {
        return "http://localhost:" + appsPort + "/";
    }

    /** A visitor's status for an app, or -1 when Traefik did not answer in time. */
    public int appStatus(String host) {
        try {
            return Http.getWithHost(appsEntry(), host).statusCode();
        } catch (IllegalStateException timedOut) {
            return -1;
        }
    }

    public String appBody(String host) {
        return Http.getWithHost(appsEntry(), host).body();
    }

    public PostgreSQLContainer postgres() {
        return postgres;
    }

    /** The database container's name, for {@code docker exec} (the backup script). */
    public String databaseContainer() {
        return postgres.getContainerName().replaceFirst("^/", "");
    }

    public String instance() {
        return instance;
    }

    /** {@code DROPDEPLOY_DATA}: repositories, the secret key, the routing token. */
    public Path dataFolder() {
        return home.resolve("data");
    }

    public DockerClient docker() {
        return DOCKER;
    }

    /** Stops DropDeploy (after deleting what {@code owners} made), its apps, Traefik and PostgreSQL. */
    public void close(ApiClient... owners) {
        try {
            if (dropdeploy != null && dropdeploy.alive()) {
                for (ApiClient owner : owners) {
                    deleteQuietly(owner);
                }
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (dropdeploy != null) {
            dropdeploy.stop();
        }
        // Whatever an interrupted test left: only this installation's own containers carry its instance label.
        DOCKER.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dropdeploy.instance", instance))
                .exec()
                .forEach(c ->
                        DOCKER.removeContainerCmd(c.getId()).withForce(true).exec());
        traefik.stop();
        postgres.stop();
    }

    /** Best effort: a failure here must not hide the test's own; the instance's containers go below anyway. */
    private static void deleteQuietly(ApiClient owner) {
        try {
            if (owner != null) {
                owner.deleteEveryProject();
            }
        } catch (RuntimeException e) {
            System.err.println("Could not delete the test's projects: " + e.getMessage());
        }
    }

    private List<String> settings() {
        List<String> settings = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/dropdeploy",
                "--spring.datasource.username=dropdeploy",
                "--spring.datasource.password=dropdeploy",
                "--dropdeploy.account.signup=open",
                "--dropdeploy.runtime.instance=" + instance,
                "--dropdeploy.runtime.traefik-container=" + TraefikForTests.name(traefik),
                "--dropdeploy.routing.auth.token=" + TraefikForTests.ROUTING_TOKEN,
                "--dropdeploy.routing.traefik-url=http://localhost:" + appsPort,
                "--dropdeploy.routing.public-port=" + appsPort,
                "--dropdeploy.metrics.enabled=false",
                "--dropdeploy.deploy.health-timeout=20s",
                "--dropdeploy.deploy.drain=1s"));
        return settings;
    }

    /** A name, host ports that stay the same across restarts, and the restart policy production uses. */
    private static void fixed(CreateContainerCmd cmd, String name, String... ports) {
        cmd.withName(name);
        cmd.getHostConfig()
                .withPortBindings(java.util.Arrays.stream(ports)
                        .map(p -> PortBinding.parse("127.0.0.1:" + p))
                        .toList())
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
    }
}
