package dev.dropdeploy.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

/**
 * The host engine in Swarm mode for tests that need a manager, a second node in a container for tests that need a
 * cluster, and the settings that make a test DropDeploy run apps as services. The engine is initialised when it is not
 * active (advertising the docker0 gateway, so no outside interface is involved) and never left: other tests and
 * installations on this engine may be using the swarm.
 */
public final class SwarmForTests {

    private SwarmForTests() {}

    /** @return this engine's node id; the engine is an active swarm manager afterwards */
    public static synchronized String ensureManager() {
        DockerClient docker = DockerClientFactory.instance().client();
        if (state(docker) != LocalNodeState.ACTIVE) {
            try {
                docker.initializeSwarmCmd(new SwarmSpec())
                        .withListenAddr("0.0.0.0:2377")
                        .withAdvertiseAddr(dockerGateway(docker))
                        .exec();
            } catch (DockerException e) {
                // Another test run may have initialised it meanwhile; the state below decides.
            }
        }
        SwarmInfo swarm = docker.infoCmd().exec().getSwarm();
        if (swarm == null
                || swarm.getLocalNodeState() != LocalNodeState.ACTIVE
                || !Boolean.TRUE.equals(swarm.getControlAvailable())) {
            throw new IllegalStateException("The engine is not an active swarm manager: " + swarm);
        }
        return swarm.getNodeID();
    }

    /** The host engine, an active swarm manager. */
    public static DockerClient manager() {
        ensureManager();
        return DockerClientFactory.instance().client();
    }

    private static LocalNodeState state(DockerClient docker) {
        SwarmInfo swarm = docker.infoCmd().exec().getSwarm();
        return swarm == null ? LocalNodeState.INACTIVE : swarm.getLocalNodeState();
    }

    /**
     * Where containers on this host reach the manager: the default bridge's IPv4 gateway, else (an engine's first start
     * may record only the subnet) the subnet's first address, which Docker gives the gateway.
     */
    public static String dockerGateway(DockerClient docker) {
        return docker.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam().getConfig().stream()
                .filter(c -> c.getSubnet() != null && c.getSubnet().contains("."))
                .map(c -> c.getGateway() != null && c.getGateway().contains(".")
                        ? c.getGateway()
                        : firstAddress(c.getSubnet()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The bridge network has no IPv4 subnet"));
    }

    private static String firstAddress(String subnet) {
        String[] octets = subnet.split("/")[0].split("\\.");
        return octets[0] + "." + octets[1] + "." + octets[2] + "." + (Integer.parseInt(octets[3]) + 1);
    }

    /**
     * A test DropDeploy that runs apps as Swarm services, with its own registry on a free port of the bridge gateway
     * (where a worker in a container reaches this machine).
     */
    public static void registerSwarmBackend(DynamicPropertyRegistry registry) {
        DockerClient docker = manager();
        registry.add("dropdeploy.runtime.backend", () -> "swarm");
        registry.add(
                "dropdeploy.runtime.swarm.relay-image",
                () -> CatalogImages.image("python").asCanonicalNameString());
        registry.add("dropdeploy.runtime.swarm.registry", () -> REGISTRY);
        registry.add(
                "dropdeploy.runtime.swarm.registry-image",
                () -> CatalogImages.image("registry").asCanonicalNameString());
        registry.add("dropdeploy.runtime.swarm.registry-password-file", () -> REGISTRY_PASSWORD);
    }

    /** Where this test run's registry listens, as nodes reach it. */
    public static final String REGISTRY =
            dockerGateway(DockerClientFactory.instance().client()) + ":" + freePort();

    private static final String REGISTRY_PASSWORD = temporaryFolder() + "/registry.password";

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String temporaryFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("dd-swarm-registry").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The registry a test installation ran, with its volume (in production both outlive DropDeploy). */
    public static void removeRegistry(String instance) {
        DockerClient docker = DockerClientFactory.instance().client();
        String name = "dd-registry-" + instance.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // never made
        }
    }

    /** The container DropDeploy's probes go through on the manager (runtime's ProbeRelay names it so). */
    public static String probeRelay(String instance) {
        return "dd-relay-" + instance.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** The probe relay a test installation left (it outlives the context, as in production it outlives DropDeploy). */
    public static void removeProbeRelay(String instance) {
        try {
            DockerClientFactory.instance()
                    .client()
                    .removeContainerCmd(probeRelay(instance))
                    .withForce(true)
                    .exec();
        } catch (NotFoundException e) {
            // never made
        }
    }

    /**
     * A second swarm node on this machine: a Docker engine in a container from the catalog's {@code dind} image, on the
     * default bridge (see {@link #WORKER_NETWORK}), joined to this engine's swarm as a worker. Not {@code --privileged}: this machine's
     * bounding set lacks CAP_SYS_RESOURCE, which runc then fails to grant; the capabilities an engine needs are given
     * one by one instead, with the host's cgroup tree for its containers, and /proc/sys stays masked.
     */
    public static Worker startWorker() {
        DockerClient manager = manager();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String network = WORKER_NETWORK;
        String id = manager.createContainerCmd(CatalogImages.image("dind").asCanonicalNameString())
                .withName("dd-test-worker-" + run)
                .withHostName("dd-test-worker-" + run)
                .withHostConfig(workerHost(network))
                // /proc/sys stays read-only in the container, so the engine inside cannot turn IPv6 off on an overlay's
                // bridge, which it otherwise treats as fatal for every task on an overlay.
                .withEnv("DOCKER_ALLOW_IPV6_ON_IPV4_INTERFACE=1")
                // As `./dropdeploy node add` tells an operator: trust the installation's registry, which speaks HTTP.
                .withCmd("--insecure-registry=" + REGISTRY)
                .exec()
                .getId();
        try {
            return join(manager, id, network);
        } catch (RuntimeException e) {
            // A worker that never joined is nobody's to close: take it away here, with its network.
            manager.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
            throw e;
        }
    }

    /**
     * The default bridge, where the manager's advertised address (its gateway) is. On a bridge of its own the worker got
     * the manager's VXLAN packets from the host's address on that bridge instead, and its kernel dropped every one:
     * the static forwarding entries the engine writes name the advertised address, and the kernel never moves a static
     * entry to another sender. Tasks on the worker then never answered across the overlay.
     */
    private static final String WORKER_NETWORK = "bridge";

    private static Worker join(DockerClient manager, String id, String network) {
        manager.startContainerCmd(id).exec();
        String address = manager.inspectContainerCmd(id)
                .exec()
                .getNetworkSettings()
                .getNetworks()
                .get(network)
                .getIpAddress();
        DockerClient engine = engineAt(address);
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            engine.pingCmd().exec();
            return true;
        });
        engine.joinSwarmCmd()
                .withRemoteAddrs(List.of(dockerGateway(manager) + ":2377"))
                .withJoinToken(manager.inspectSwarmCmd().exec().getJoinTokens().getWorker())
                .withListenAddr("0.0.0.0:2377")
                .withAdvertiseAddr(address)
                .exec();
        String nodeId = engine.infoCmd().exec().getSwarm().getNodeID();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> manager.listSwarmNodesCmd().exec().stream()
                        .anyMatch(n -> n.getId().equals(nodeId)
                                && n.getStatus() != null
                                && n.getStatus().getState() == SwarmNodeState.READY));
        return new Worker(manager, engine, id, nodeId);
    }

    private static HostConfig workerHost(String network) {
        return HostConfig.newHostConfig()
                .withNetworkMode(network)
                .withCapAdd(
                        Capability.SYS_ADMIN,
                        Capability.NET_ADMIN,
                        Capability.SYS_PTRACE,
                        Capability.MKNOD,
                        Capability.IPC_LOCK,
                        Capability.SYS_NICE,
                        Capability.NET_RAW,
                        Capability.SETPCAP,
                        Capability.DAC_READ_SEARCH,
                        Capability.SYS_MODULE)
                .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                .withBinds(Bind.parse("/sys/fs/cgroup:/sys/fs/cgroup:rw"))
                .withDevices(Device.parse("/dev/net/tun"));
    }

    private static DockerClient engineAt(String address) {
        URI host = URI.create("tcp://" + address + ":2375");
        return DockerClientImpl.getInstance(
                DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost(host.toString())
                        .withDockerTlsVerify(false)
                        .build(),
                new ApacheDockerHttpClient.Builder().dockerHost(host).build());
    }

    /**
     * The test's worker node: its engine (to see which images it pulled) and its place in the swarm. {@link #close}
     * removes the container and the node from the swarm.
     */
    public record Worker(DockerClient manager, DockerClient engine, String containerId, String nodeId)
            implements AutoCloseable {

        /** The images the worker's engine holds, by name. */
        public List<String> imageNames() {
            return engine.listImagesCmd().exec().stream()
                    .filter(i -> i.getRepoTags() != null)
                    .flatMap(i -> java.util.Arrays.stream(i.getRepoTags()))
                    .toList();
        }

        /** Stops the worker's container: to the swarm, the node is lost. */
        public void stopContainer() {
            manager.stopContainerCmd(containerId).withTimeout(1).exec();
        }

        @Override
        public void close() {
            try {
                manager.removeContainerCmd(containerId)
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
            } catch (NotFoundException e) {
                // gone already
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                manager.removeSwarmNodeCmd(nodeId).withForce(true).exec();
                return true;
            });
        }
    }
}
