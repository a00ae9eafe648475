package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The registry's container on this engine: hardened like an app (no capabilities, read-only root, limits, non-root),
 * its storage on a volume that outlives it, published on loopback (where this engine pushes) and on the address nodes
 * pull from. Made again when its image, address or password changes; the volume, and so every image, stays.
 */
final class RegistryContainer {

    private static final Logger log = LoggerFactory.getLogger(RegistryContainer.class);
    private static final int PORT = 5000;
    private static final String HTPASSWD = "DD_REGISTRY_HTPASSWD";
    private static final String ADDRESS_LABEL = ContainerLabels.NAMESPACE + "registry-address";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Duration READY = Duration.ofSeconds(30);

    /** Where nodes pull from, and where this engine pushes to. */
    record Address(String nodes, String loopback) {

        String host() {
            return nodes.substring(0, nodes.lastIndexOf(':'));
        }

        int port() {
            return Integer.parseInt(nodes.substring(nodes.lastIndexOf(':') + 1));
        }
    }

    private final DockerClient docker;
    private final String image;
    private final String instance;
    private final String name;

    RegistryContainer(DockerClient docker, String image, String instance) {
        this.docker = docker;
        this.image = image;
        this.instance = instance;
        this.name = "dd-registry-" + instance.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    String name() {
        return name;
    }

    /** The configured {@code host:port}, or this node's swarm address with port 5000 when none is configured. */
    Address address(String configured) {
        String nodes = configured.isBlank() ? swarmAddress() : configured;
        if (nodes.lastIndexOf(':') < 0 || nodes.endsWith("]")) {
            nodes = nodes + ":" + PORT;
        }
        try {
            int port = Integer.parseInt(nodes.substring(nodes.lastIndexOf(':') + 1));
            return new Address(nodes, "127.0.0.1:" + port);
        } catch (NumberFormatException e) {
            throw new RuntimeFailure("dropdeploy.runtime.swarm.registry must be host:port, not " + configured);
        }
    }

    boolean isRunning() {
        InspectContainerResponse registry = inspect();
        return registry != null && Boolean.TRUE.equals(registry.getState().getRunning());
    }

    /** Starts the registry when it is not running as configured, and waits until it answers. */
    Address ensureRunning(String configured, RegistryCredentials credentials) {
        Address address = address(configured);
        InspectContainerResponse registry = inspect();
        if (registry != null && !current(registry, address, credentials)) {
            log.info("Making the registry {} again (its image, address or password changed)", name);
            docker.removeContainerCmd(name).withForce(true).exec();
            registry = null;
        }
        if (registry == null) {
            registry = create(address, credentials);
        }
        if (!Boolean.TRUE.equals(registry.getState().getRunning())) {
            docker.startContainerCmd(name).exec();
        }
        awaitAnswer(new RegistryApi(address.nodes(), credentials));
        return address;
    }

    /** Frees the layers of deleted images: Distribution's own collector, run inside the registry's container. */
    void collectLayers() {
        String exec = docker.execCreateCmd(name)
                .withCmd("registry", "garbage-collect", "--delete-untagged", "/etc/distribution/config.yml")
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId();
        try {
            docker.execStartCmd(exec).exec(new ResultCallback.Adapter<>()).awaitCompletion(10, TimeUnit.MINUTES);
            // The caller's lock keeps pushes out only while the collection runs: never hand it back before its end.
            while (Boolean.TRUE.equals(docker.inspectExecCmd(exec).exec().isRunning())) {
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while collecting the registry's garbage", e);
        }
        Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        if (code == null || code != 0) {
            throw new RuntimeFailure(
                    "The registry's garbage collection exited with " + code + "; see `docker logs " + name + "`");
        }
    }

    private boolean current(InspectContainerResponse registry, Address address, RegistryCredentials credentials) {
        String[] env = registry.getConfig().getEnv();
        String hash = Arrays.stream(env == null ? new String[0] : env)
                .filter(e -> e.startsWith(HTPASSWD + "="))
                .map(e -> e.substring(e.indexOf(':') + 1))
                .findFirst()
                .orElse("");
        Map<String, String> labels = registry.getConfig().getLabels();
        return image.equals(registry.getConfig().getImage())
                && labels != null
                && address.nodes().equals(labels.get(ADDRESS_LABEL))
                && !hash.isEmpty()
                && BCrypt.checkpw(credentials.password(), hash);
    }

    private InspectContainerResponse create(Address address, RegistryCredentials credentials) {
        String volume = name; // the volume is named after the container and is never removed with it
        HostConfig host = HostConfig.newHostConfig()
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,noexec,nosuid,size=64m,mode=1777"))
                .withMemory(256L * 1024 * 1024)
                .withPidsLimit(256L)
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withLogConfig(Hardening.BOUNDED_LOG)
                .withBinds(new Bind(volume, new Volume("/var/lib/registry")))
                .withPortBindings(bindings(address));
        try {
            docker.createContainerCmd(image)
                    .withName(name)
                    .withEnv(HTPASSWD + "=" + credentials.htpasswdLine())
                    .withLabels(Map.of(
                            ContainerLabels.INSTANCE,
                            instance,
                            ContainerLabels.SERVICE,
                            "registry",
                            ADDRESS_LABEL,
                            address.nodes()))
                    .withExposedPorts(ExposedPort.tcp(PORT))
                    .withHostConfig(host)
                    .exec();
            log.info("Created the registry {} ({}), nodes pull from {}", name, image, address.nodes());
        } catch (ConflictException e) {
            log.debug("The registry {} was made meanwhile", name);
        } catch (NotFoundException e) {
            throw new RuntimeFailure(
                    "The registry's image " + image + " is not in the Docker engine (scripts/images.sh ensure"
                            + " registry, or set dropdeploy.runtime.swarm.registry-image)",
                    e);
        }
        return docker.inspectContainerCmd(name).exec();
    }

    /**
     * Loopback (where this engine pushes) and the nodes' address when it is an IPv4 address of this machine; for a host
     * name every interface, which covers loopback too (a second binding of the same port would collide).
     */
    private static List<PortBinding> bindings(Address address) {
        String host = address.host();
        if (!IPV4.matcher(host).matches()) {
            return List.of(bind("0.0.0.0", address.port()));
        }
        List<PortBinding> bindings = new ArrayList<>();
        bindings.add(bind("127.0.0.1", address.port()));
        if (!host.startsWith("127.")) {
            bindings.add(bind(host, address.port()));
        }
        return bindings;
    }

    private static PortBinding bind(String ip, int port) {
        return new PortBinding(Ports.Binding.bindIpAndPort(ip, port), ExposedPort.tcp(PORT));
    }

    private void awaitAnswer(RegistryApi api) {
        Instant deadline = Instant.now().plus(READY);
        while (!api.answers()) {
            if (Instant.now().isAfter(deadline)) {
                throw new RuntimeFailure("The registry " + name + " did not answer within " + READY.toSeconds()
                        + " s; see `docker logs " + name + "`");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeFailure("Interrupted while waiting for the registry", e);
            }
        }
    }

    private String swarmAddress() {
        var swarm = docker.infoCmd().exec().getSwarm();
        if (swarm == null || swarm.getNodeAddr() == null || swarm.getNodeAddr().isBlank()) {
            throw new RuntimeFailure("This engine has no swarm address to publish the registry on; set"
                    + " dropdeploy.runtime.swarm.registry (DROPDEPLOY_REGISTRY) to host:port");
        }
        return swarm.getNodeAddr();
    }

    private InspectContainerResponse inspect() {
        try {
            return docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
