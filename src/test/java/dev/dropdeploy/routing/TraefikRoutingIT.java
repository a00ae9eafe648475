package dev.dropdeploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.support.CatalogImages;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

/**
 * The real Traefik binary polls this application's routing endpoint and sends traffic to a container on a private
 * network, chosen by the Host header: the path every deployed app takes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresContainerConfiguration.class)
class TraefikRoutingIT {

    static final Network NETWORK = Network.newNetwork();

    static final GenericContainer<?> PROBE_APP = new GenericContainer<>(CatalogImages.image("static"))
            .withNetwork(NETWORK)
            .withNetworkAliases("probe-app")
            .withCommand(
                    "sh",
                    "-c",
                    "mkdir -p /tmp/site && echo 'hello from the probe' > /tmp/site/index.html"
                            + " && exec caddy file-server --root /tmp/site --listen :8080")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/").forPort(8080));

    static GenericContainer<?> traefik;

    @LocalServerPort
    int port;

    @Value("${dropdeploy.routing.auth.token}")
    String routingToken;

    @Autowired
    RouteTable routes;

    @BeforeAll
    static void startProbeApp() {
        PROBE_APP.start();
    }

    @AfterAll
    static void stopContainers() {
        if (traefik != null) {
            traefik.stop();
        }
        PROBE_APP.stop();
        NETWORK.close();
    }

    @Test
    void routesAHostToItsContainerAndForgetsItWhenWithdrawn() throws IOException {
        startTraefikPollingThisApplication();
        String entry = "http://localhost:" + traefik.getMappedPort(80) + "/";

        routes.publish(new Route("probe", List.of("probe.localhost"), URI.create("http://probe-app:8080"), "probe-1"));

        HttpResponse<String> routed = await("Traefik routes probe.localhost; its log:\n" + traefik.getLogs())
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Http.getWithHost(entry, "probe.localhost"), response -> response.statusCode() == 200);
        assertThat(routed.body()).contains("hello from the probe");
        assertThat(routed.headers().firstValue("X-DropDeploy-Deployment")).hasValue("probe-1");
        assertThat(Http.getWithHost(entry, "unknown.localhost").statusCode()).isEqualTo(404);

        routes.withdraw("probe");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Http.getWithHost(entry, "probe.localhost").statusCode() == 404);
    }

    /** Runs the repository's own static configuration, pointed at this test's random port. */
    private void startTraefikPollingThisApplication() throws IOException {
        String config = Files.readString(Path.of("traefik/traefik.yml"))
                .replace("http://dropdeploy:8080/", "http://dropdeploy:" + port + "/")
                .replace("@ROUTING_TOKEN@", routingToken);
        traefik = new GenericContainer<>(CatalogImages.image("traefik"))
                .withNetwork(NETWORK)
                .withExtraHost("dropdeploy", "host-gateway")
                .withCopyToContainer(Transferable.of(config), "/etc/traefik/traefik.yml")
                .withCommand("--configFile=/etc/traefik/traefik.yml")
                .withExposedPorts(80, 8082)
                .waitingFor(Wait.forHttp("/ping").forPort(8082));
        traefik.start();
    }
}
