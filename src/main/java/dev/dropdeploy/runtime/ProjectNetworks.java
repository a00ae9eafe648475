package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bridge network per project. Docker's inter-network isolation keeps other projects' apps off it; inter-container
 * traffic inside it stays on, because the project's own versions and Traefik must reach the app.
 */
final class ProjectNetworks {

    private static final Logger log = LoggerFactory.getLogger(ProjectNetworks.class);

    private final DockerClient docker;
    private final String traefikContainer;
    private final String instance;

    ProjectNetworks(DockerClient docker, String traefikContainer, String instance) {
        this.docker = docker;
        this.traefikContainer = traefikContainer;
        this.instance = instance;
    }

    /** Creates the network unless it exists; serialised because engine 20.10 happily creates two with one name. */
    synchronized String ensure(String projectSlug) {
        String name = ContainerNames.network(projectSlug);
        if (find(name) == null) {
            try {
                docker.createNetworkCmd()
                        .withName(name)
                        .withDriver("bridge")
                        .withCheckDuplicate(true)
                        .withLabels(ContainerLabels.forNetwork(projectSlug, instance))
                        .withOptions(Map.of("com.docker.network.bridge.enable_icc", "true"))
                        .exec();
                log.info("Created network {}", name);
            } catch (ConflictException e) {
                log.debug("Network {} was created concurrently", name);
            }
        }
        connectTraefik(name);
        return name;
    }

    /** Joins Traefik to the network so it can forward to the app by name; missing Traefik is not an error. */
    void connectTraefik(String network) {
        if (traefikContainer.isBlank()) {
            return;
        }
        InspectContainerResponse traefik;
        try {
            traefik = docker.inspectContainerCmd(traefikContainer).exec();
        } catch (NotFoundException e) {
            log.warn("Traefik container {} not found; {} is not routed until it joins", traefikContainer, network);
            return;
        }
        if (traefik.getNetworkSettings().getNetworks().containsKey(network)) {
            return;
        }
        try {
            docker.connectToNetworkCmd()
                    .withNetworkId(network)
                    .withContainerId(traefik.getId())
                    .exec();
        } catch (DockerException e) {
            if (!String.valueOf(e.getMessage()).contains("already exists")) {
                throw e;
            }
        }
    }

    /** Disconnects whatever is still attached (Traefik) and removes the network; a missing network is fine. */
    void remove(String projectSlug) {
        String name = ContainerNames.network(projectSlug);
        Network network = find(name);
        if (network == null) {
            return;
        }
        network.getContainers().keySet().forEach(container -> disconnect(name, container));
        try {
            docker.removeNetworkCmd(network.getId()).exec();
            log.info("Removed network {}", name);
        } catch (NotFoundException e) {
            log.debug("Network {} already gone", name);
        }
    }

    private void disconnect(String network, String container) {
        try {
            docker.disconnectFromNetworkCmd()
                    .withNetworkId(network)
                    .withContainerId(container)
                    .withForce(true)
                    .exec();
        } catch (NotFoundException e) {
            log.debug("{} already left {}", container, network);
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
