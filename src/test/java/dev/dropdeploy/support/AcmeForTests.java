package dev.dropdeploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

/**
 * The HTTPS path without the internet: Let's Encrypt's test ACME server (Pebble), its challenge test server as the DNS
 * Pebble validates against, and a Traefik running the repository's static configuration with a {@code websecure}
 * entrypoint and a {@code letsencrypt} resolver pointed at Pebble, solving DNS-01 through lego's {@code exec}
 * provider. All three share a network of their own; Traefik also reaches DropDeploy on {@code appPort}.
 */
public final class AcmeForTests {

    private static final Path RESOURCES = Path.of("src/test/resources/acme");

    /**
     * Named to sort before the project networks Traefik joins (dd-net-...): the engine hands a container's default
     * route and published ports to the network whose name sorts first, and a random name did so one run in eight.
     */
    private final Network network = Network.builder()
            .createNetworkCmdModifier(create -> create.withName("dd-edge-test-" + UUID.randomUUID()))
            .build();

    private final GenericContainer<?> challtestsrv;
    private final GenericContainer<?> pebble;
    private final GenericContainer<?> traefik;

    private AcmeForTests(int appPort) {
        challtestsrv = new GenericContainer<>(CatalogImages.image("pebble"))
                .withNetwork(network)
                .withNetworkAliases("challtestsrv")
                .withCommand("pebble-challtestsrv", "-defaultIPv6", "")
                .withExposedPorts(8055)
                .waitingFor(Wait.forLogMessage(".*Starting management server.*", 1));
        challtestsrv.start();
        pebble = new GenericContainer<>(CatalogImages.image("pebble"))
                .withNetwork(network)
                .withNetworkAliases("pebble")
                // No random waits before validating, and no deliberately refused nonces: the test is about our path.
                .withEnv("PEBBLE_VA_NOSLEEP", "1")
                .withEnv("PEBBLE_WFE_NONCEREJECT", "0")
                .withCommand("pebble", "-config", "/test/config/pebble-config.json", "-dnsserver", dnsServer())
                .withExposedPorts(14000, 15000)
                .waitingFor(Wait.forLogMessage(".*ACME directory available at.*", 1));
        pebble.start();
        traefik = TraefikForTests.container(staticConfig(appPort))
                .withNetwork(network)
                .withCopyToContainer(
                        Transferable.of(pebbleFile("/test/certs/pebble.minica.pem")), "/etc/traefik/pebble-ca.pem")
                .withCopyToContainer(
                        Transferable.of(read("challtestsrv-dns.sh"), 0755), "/etc/traefik/challtestsrv-dns.sh")
                .withEnv("EXEC_PATH", "/etc/traefik/challtestsrv-dns.sh")
                // exec runs challenges one after the other with a minute between them unless told otherwise.
                .withEnv("EXEC_SEQUENCE_INTERVAL", "1")
                .withEnv("LEGO_DISABLE_CNAME_SUPPORT", "true")
                .withExposedPorts(80, 443, 8082);
        traefik.start();
    }

    /** Starts Pebble, challtestsrv and the ACME Traefik; Testcontainers stops them when the test JVM ends. */
    public static AcmeForTests start(int appPort) {
        return new AcmeForTests(appPort);
    }

    public GenericContainer<?> traefik() {
        return traefik;
    }

    /** Pebble's management API (its root certificate at {@code /roots/0}), served with its own test CA. */
    public int pebbleManagementPort() {
        return pebble.getMappedPort(15000);
    }

    /** The CA that signs Pebble's own HTTPS (the ACME and management APIs), not the certificates it issues. */
    public String pebbleTestCa() {
        return pebbleFile("/test/certs/pebble.minica.pem");
    }

    /** How many certificate orders Pebble has received so far. */
    public long orders() {
        return pebble.getLogs()
                .lines()
                .filter(line -> line.contains("Added order"))
                .count();
    }

    private String staticConfig(int appPort) {
        String config = TraefikForTests.staticConfig(appPort);
        if (!config.contains("\nentryPoints:\n")) {
            throw new IllegalStateException("traefik/traefik.yml has no entryPoints section to add websecure to");
        }
        return config.replace("\nentryPoints:\n", "\nentryPoints:\n  websecure:\n    address: \":443\"\n")
                + "\n"
                + read("traefik-acme.yml").replace("@CHALLTESTSRV_DNS@", dnsServer());
    }

    /** An address, not a name: lego and Pebble send DNS queries straight to it. */
    private String dnsServer() {
        return challtestsrv.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                        .filter(settings -> network.getId().equals(settings.getNetworkID()))
                        .findFirst()
                        .orElseThrow()
                        .getIpAddress()
                + ":8053";
    }

    private String pebbleFile(String path) {
        return pebble.copyFileFromContainer(path, in -> new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    private static String read(String name) {
        try {
            return Files.readString(RESOURCES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
