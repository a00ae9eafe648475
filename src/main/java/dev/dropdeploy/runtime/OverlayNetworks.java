package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attachable overlay network per project for the Swarm backend, named like the bridge networks
 * ({@code dd-net-<slug>}), so a project's services on every node, its data containers on the manager, Traefik and the
 * probe relay share it and nothing else does. Addresses come from the swarm's own pool ({@code docker swarm init
 * --default-addr-pool}); the bridge firewall does not apply to overlays (docs/SECURITY.md, README).
 */
final class OverlayNetworks {

    private static final Logger log = LoggerFactory.getLogger(OverlayNetworks.class);

    private final DockerClient docker;
    private final String instance;
    private final boolean encrypt;
    private final List<String> joiners;

    /** @param joiners plain containers joined to every project network: Traefik, the probe relay (blank: none) */
    OverlayNetworks(DockerClient docker, String instance, boolean encrypt, List<String> joiners) {
        this.docker = docker;
        this.instance = instance;
        this.encrypt = encrypt;
        this.joiners = joiners.stream().filter(j -> !j.isBlank()).toList();
    }

    /** Creates the network unless it exists and joins Traefik and the relay to it. */
    synchronized String ensure(String projectSlug, String... alsoJoin) {
        String name = ContainerNames.network(projectSlug);
        Network existing = find(name);
        if (existing != null && !"overlay".equals(existing.getDriver())) {
            throw new RuntimeFailure(name + " exists as a " + existing.getDriver() + " network, made by the engine"
                    + " backend; remove the project's apps (or the network) before running it on the swarm");
        }
        if (existing == null) {
            create(name, ContainerLabels.forNetwork(projectSlug, instance));
        }
        Stream.concat(joiners.stream(), Stream.of(alsoJoin))
                .filter(Objects::nonNull)
                .forEach(container -> join(container, name));
        return name;
    }

    private void create(String name, Map<String, String> labels) {
        try {
            createOverlay(name, labels, encrypt);
        } catch (ConflictException e) {
            log.debug("Network {} was created concurrently", name);
        } catch (DockerException e) {
            if (!encrypt) {
                throw e;
            }
            // IPsec needs the kernel's xfrm support on every node; an engine without it refuses the option.
            log.warn(
                    "The engine refused an encrypted overlay for {} ({}); creating it unencrypted: traffic between"
                            + " nodes on it is plain VXLAN",
                    name,
                    e.getMessage());
            createOverlay(name, labels, false);
        }
    }

    private void createOverlay(String name, Map<String, String> labels, boolean encrypted) {
        docker.createNetworkCmd()
                .withName(name)
                .withDriver("overlay")
                .withAttachable(true)
                .withCheckDuplicate(true)
                .withLabels(labels)
                .withOptions(encrypted ? Map.of("encrypted", "true") : Map.of())
                .exec();
        log.info("Created overlay network {}{}", name, encrypted ? " (encrypted)" : "");
    }

    /** Joins Traefik and the relay to every overlay network of this instance (a recreated container has none). */
    void connectAll(String... alsoJoin) {
        for (Network network : docker.listNetworksCmd()
                .withFilter("label", List.of(ContainerLabels.INSTANCE + "=" + instance))
                .withFilter("driver", List.of("overlay"))
                .exec()) {
            Stream.concat(joiners.stream(), Stream.of(alsoJoin))
                    .filter(Objects::nonNull)
                    .forEach(container -> {
                        try {
                            join(container, network.getName());
                        } catch (RuntimeException e) {
                            log.warn("Could not join {} to {}: {}", container, network.getName(), e.getMessage());
                        }
                    });
        }
    }

    private void join(String container, String network) {
        try {
            docker.connectToNetworkCmd()
                    .withNetworkId(network)
                    .withContainerId(container)
                    .exec();
        } catch (NotFoundException e) {
            log.warn("Container {} not found; {} is not reachable through it", container, network);
        } catch (DockerException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("already exists") && !message.contains("already attached")) {
                throw e;
            }
        }
    }

    /** Disconnects the joined containers and removes the network; a missing one is fine. */
    void remove(String projectSlug) {
        String name = ContainerNames.network(projectSlug);
        Network network = find(name);
        if (network == null) {
            return;
        }
        if (network.getContainers() != null) {
            network.getContainers().keySet().forEach(container -> {
                try {
                    docker.disconnectFromNetworkCmd()
                            .withNetworkId(name)
                            .withContainerId(container)
                            .withForce(true)
                            .exec();
                } catch (NotFoundException e) {
                    log.debug("{} already left {}", container, name);
                }
            });
        }
        try {
            docker.removeNetworkCmd(network.getId()).exec();
            log.info("Removed overlay network {}", name);
        } catch (NotFoundException e) {
            log.debug("Network {} already gone", name);
        }
    }

    private Network find(String name) {
        try {
            return docker.inspectNetworkCmd().withNetworkId(name).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
