package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one container through which DropDeploy, running on the host, probes apps on overlay networks (the host has no
 * address on them). It publishes its port on 127.0.0.1 only and answers only the default bridge's gateway, the source
 * address of connections from the host, so no app can use it to reach another project; it joins every project network
 * as Traefik does. Hardened like an app, and labelled with the instance, not as a managed app.
 */
final class ProbeRelay {

    private static final Logger log = LoggerFactory.getLogger(ProbeRelay.class);
    private static final int PORT = 8080;
    private static final String SCRIPT = script();
    /** A relay made by an older DropDeploy lacks what this one asks of it: the label tells, and it is made again. */
    private static final String SCRIPT_LABEL = "dropdeploy.relay-script";

    private static final String SCRIPT_VERSION = Integer.toHexString(SCRIPT.hashCode());

    private final DockerClient docker;
    private final String image;
    private final String name;
    private final String instance;
    private String baseUrl;
    private Runnable afterCreate = () -> {};

    ProbeRelay(DockerClient docker, String image, String instance) {
        this.docker = docker;
        this.image = image;
        this.instance = instance;
        this.name = "dd-relay-" + instance.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    String name() {
        return name;
    }

    /** What a new relay needs besides starting: joining every project network (a relay made mid-run has none). */
    void afterCreate(Runnable action) {
        this.afterCreate = action;
    }

    /** {@code http://127.0.0.1:<port>}, starting the relay first when it is not running. */
    synchronized String baseUrl() {
        InspectContainerResponse relay = inspect();
        if (relay != null && !SCRIPT_VERSION.equals(scriptVersion(relay))) {
            log.info("The probe relay {} runs an older script; recreating it", name);
            remove();
            relay = null;
        }
        boolean created = relay == null;
        if (created) {
            relay = create();
        }
        if (!Boolean.TRUE.equals(relay.getState().getRunning())) {
            docker.startContainerCmd(relay.getId()).exec();
            relay = docker.inspectContainerCmd(relay.getId()).exec();
            baseUrl = null;
        }
        if (baseUrl == null) {
            Ports.Binding[] bindings =
                    relay.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(PORT));
            if (bindings == null || bindings.length == 0) {
                throw new RuntimeFailure("The probe relay " + name + " publishes no port; remove it to recreate it");
            }
            baseUrl = "http://127.0.0.1:" + bindings[0].getHostPortSpec();
        }
        if (created) {
            afterCreate.run();
        }
        return baseUrl;
    }

    private static String scriptVersion(InspectContainerResponse relay) {
        Map<String, String> labels =
                relay.getConfig() == null ? null : relay.getConfig().getLabels();
        return labels == null ? null : labels.get(SCRIPT_LABEL);
    }

    /** The URL DropDeploy probes an app at: the relay, then the app's address on its network. */
    String target(String service, int port) {
        return baseUrl() + "/" + service + ":" + port;
    }

    private InspectContainerResponse create() {
        String gateway = bridgeGateway();
        HostConfig host = HostConfig.newHostConfig()
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withMemory(64L * 1024 * 1024)
                .withPidsLimit(64L)
                .withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.unlessStoppedRestart())
                .withLogConfig(Hardening.BOUNDED_LOG)
                .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT)));
        try {
            String id = docker.createContainerCmd(image)
                    .withName(name)
                    .withUser(Hardening.FALLBACK_USER)
                    .withLabels(Map.of(
                            ContainerLabels.INSTANCE,
                            instance,
                            ContainerLabels.SERVICE,
                            "probe-relay",
                            SCRIPT_LABEL,
                            SCRIPT_VERSION))
                    .withExposedPorts(ExposedPort.tcp(PORT))
                    .withHostConfig(host)
                    .withCmd("python3", "-c", SCRIPT, gateway, String.valueOf(PORT))
                    .exec()
                    .getId();
            log.info("Created the probe relay {} ({}), answering {}", name, image, gateway);
            return docker.inspectContainerCmd(id).exec();
        } catch (ConflictException e) {
            return docker.inspectContainerCmd(name).exec(); // another thread or process made it meanwhile
        } catch (NotFoundException e) {
            throw new RuntimeFailure(
                    "The probe relay's image " + image
                            + " is not in the Docker engine (scripts/images.sh ensure python,"
                            + " or set dropdeploy.runtime.swarm.relay-image)",
                    e);
        }
    }

    /**
     * Where the host's connections to a port published on the default bridge come from. An engine's first start may
     * record the bridge's subnet without its gateway; Docker gives the gateway the subnet's first address then.
     */
    private String bridgeGateway() {
        Network bridge = docker.inspectNetworkCmd().withNetworkId("bridge").exec();
        var config = bridge.getIpam().getConfig().getFirst();
        return config.getGateway() != null && !config.getGateway().isBlank()
                ? config.getGateway()
                : NetworkPool.gateway(config.getSubnet());
    }

    private InspectContainerResponse inspect() {
        try {
            return docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Removes the relay (tests, and a changed image); it is made again on the next probe. */
    synchronized void remove() {
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException e) {
            log.debug("The probe relay {} was gone already", name);
        }
        baseUrl = null;
    }

    private static String script() {
        try (InputStream in = ProbeRelay.class.getResourceAsStream("/runtime/probe-relay.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
