package dev.dropdeploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

/**
 * The real Traefik, run with the repository's own {@code traefik/traefik.yml}, polling a DropDeploy that listens on
 * {@code appPort} on this host. The container has a unique name so DropDeploy can join it to project networks.
 */
public final class TraefikForTests {

    private TraefikForTests() {}

    /** The routing token every test Traefik sends and every test application expects. */
    public static final String ROUTING_TOKEN = "test-routing-" + UUID.randomUUID();

    public static GenericContainer<?> start(int appPort) {
        GenericContainer<?> traefik = container(staticConfig(appPort)).withExposedPorts(80, 8082);
        traefik.start();
        return traefik;
    }

    /** The repository's {@code traefik/traefik.yml} as a test Traefik runs it: polling {@code appPort}, with the token. */
    public static String staticConfig(int appPort) {
        return read(Path.of("traefik/traefik.yml"))
                .replace("http://dropdeploy:8080/", "http://dropdeploy:" + appPort + "/")
                .replace("@ROUTING_TOKEN@", ROUTING_TOKEN);
    }

    /** A Traefik with this static configuration, not started yet, ready once it answers {@code /ping}. */
    public static GenericContainer<?> container(String staticConfig) {
        return new GenericContainer<>(CatalogImages.image("traefik"))
                .withCreateContainerCmdModifier(cmd -> cmd.withName("dd-test-traefik-" + UUID.randomUUID()))
                .withExtraHost("dropdeploy", "host-gateway")
                .withCopyToContainer(Transferable.of(staticConfig), "/etc/traefik/traefik.yml")
                .withCommand("--configFile=/etc/traefik/traefik.yml")
                .waitingFor(Wait.forHttp("/ping").forPort(8082));
    }

    /**
     * Points a test application at this Traefik and makes deployments fail fast: the settings every test that runs
     * real deployments shares.
     */
    public static void registerDeployProperties(
            DynamicPropertyRegistry registry, GenericContainer<?> traefik, int appPort) {
        registry.add("server.port", () -> appPort);
        registry.add("dropdeploy.routing.auth.token", () -> ROUTING_TOKEN);
        registry.add("dropdeploy.runtime.traefik-container", () -> name(traefik));
        registry.add("dropdeploy.routing.traefik-url", () -> "http://localhost:" + traefik.getMappedPort(80));
        // Else the metrics sampler would read whichever Traefik has the default port (another installation's).
        registry.add(
                "dropdeploy.metrics.traefik-metrics",
                () -> "http://localhost:" + traefik.getMappedPort(8082) + "/metrics");
        registry.add("dropdeploy.deploy.health-timeout", () -> "20s");
        registry.add("dropdeploy.deploy.drain", () -> "1s");
    }

    /** The container's name without Docker's leading slash. */
    public static String name(GenericContainer<?> traefik) {
        return traefik.getContainerInfo().getName().replaceFirst("^/", "");
    }

    /** A port that is free now, for an application that Traefik must know before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
