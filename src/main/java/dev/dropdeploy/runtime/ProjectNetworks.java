package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Network;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bridge network per project, its subnet taken from {@link NetworkPool} (the engine's default pools hold about 30).
 * Docker's inter-network isolation and the egress firewall keep other projects' apps off it; inside it, the project's
 * own containers may talk, Traefik (on a reserved address) may reach them, and no app may reach Traefik's API.
 */
final class ProjectNetworks {

    private static final Logger log = LoggerFactory.getLogger(ProjectNetworks.class);

    private final DockerClient docker;
    private final String traefikContainer;
    private final String selfContainer;
    private final String instance;
    private final NetworkPool pool;

    /**
     * @param selfContainer DropDeploy's own container when it runs in one (production): it joins every project network
     *     like Traefik, on a reserved address, so its health probes reach the apps; blank when it runs on the host,
     *     which reaches every bridge network anyway
     */
    ProjectNetworks(
            DockerClient docker, String traefikContainer, String selfContainer, String instance, NetworkPool pool) {
        this.docker = docker;
        this.traefikContainer = traefikContainer;
        this.selfContainer = selfContainer;
        this.instance = instance;
        this.pool = pool;
    }

    /** Creates the network unless it exists; serialised because engine 20.10 happily creates two with one name. */
    synchronized String ensure(String projectSlug) {
        String name = ContainerNames.network(projectSlug);
        Network existing = replaceIfOffPlan(find(name), true);
        if (existing == null) {
            create(name, ContainerLabels.forNetwork(projectSlug, instance), true);
        }
        connectTraefik(name);
        return name;
    }

    /**
     * A network from before the address plan (the engine's own pools) is outside the firewall's reach: it is made
     * again inside the pool as soon as no app uses it; while one does, that is said once per deployment.
     *
     * @return the network when it can stay, {@code null} when there is none (any more)
     */
    private Network replaceIfOffPlan(Network network, boolean interContainer) {
        if (network == null || onPlan(network, interContainer)) {
            return network;
        }
        Set<String> attached = network.getContainers() == null
                ? Set.of()
                : network.getContainers().keySet();
        // Inspect lists running containers only; a stopped app that still belongs to the network is a user too.
        Set<String> users = new HashSet<>(attached);
        docker.listContainersCmd()
                .withShowAll(true)
                .withNetworkFilter(List.of(network.getName()))
                .exec()
                .forEach(c -> users.add(c.getId()));
        Set<String> infrastructure = new HashSet<>();
        inspectInfrastructure().forEach(container -> infrastructure.add(container.getId()));
        if (!infrastructure.containsAll(users)) {
            log.warn(
                    "{} is outside the address pool, so the egress firewall does not cover it; it moves into the pool"
                            + " once its apps are stopped",
                    network.getName());
            return network;
        }
        log.info("Recreating {} inside the address pool, where the egress firewall covers it", network.getName());
        attached.forEach(container -> disconnect(network.getName(), container));
        docker.removeNetworkCmd(network.getId()).exec();
        return null;
    }

    private boolean onPlan(Network network, boolean interContainer) {
        boolean inPool = inPool(subnetOf(network));
        String icc = network.getOptions() == null ? null : network.getOptions().get(ICC);
        return inPool && String.valueOf(interContainer).equals(icc == null ? "true" : icc);
    }

    /** A subnet laid out by {@link NetworkPool}: a /27 of the pool, with Traefik's reserved addresses. */
    private boolean inPool(String subnet) {
        return subnet != null
                && subnet.endsWith("/" + NetworkPool.SUBNET_PREFIX)
                && pool.contains(subnet.split("/")[0]);
    }

    /** Traefik's container and DropDeploy's own, those configured and existing (a missing one is logged). */
    private List<InspectContainerResponse> inspectInfrastructure() {
        return Stream.concat(
                        inspect(traefikContainer, "project networks are not routed until it joins").stream(),
                        inspect(selfContainer, "health probes cannot reach apps from it").stream())
                .toList();
    }

    private Optional<InspectContainerResponse> inspect(String container, String consequence) {
        if (container.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(docker.inspectContainerCmd(container).exec());
        } catch (NotFoundException e) {
            log.warn("Container {} not found; {}", container, consequence);
            return Optional.empty();
        }
    }

    private static String subnetOf(Network network) {
        return network.getIpam() == null
                        || network.getIpam().getConfig() == null
                        || network.getIpam().getConfig().isEmpty()
                ? null
                : network.getIpam().getConfig().getFirst().getSubnet();
    }

    /**
     * The network builds run on: the same address plan and firewall as apps, so a {@code RUN} step reaches the package
     * registries and nothing private.
     */
    synchronized String ensureBuildNetwork() {
        if (replaceIfOffPlan(find(BUILD_NETWORK), false) == null) {
            // Different tenants' build steps share it, so they must not reach each other even inside it.
            create(BUILD_NETWORK, Map.of("dropdeploy.role", "build"), false);
        }
        return BUILD_NETWORK;
    }

    static final String BUILD_NETWORK = "dd-build";
    private static final String ICC = "com.docker.network.bridge.enable_icc";

    /** Another DropDeploy (a test, a second installation) may take the same subnet at the same moment: try again. */
    private void create(String name, Map<String, String> labels, boolean interContainer) {
        for (int attempt = 0; ; attempt++) {
            String subnet = pool.firstFree(subnetsInUse())
                    .orElseThrow(
                            () -> new RuntimeFailure(
                                    "All %d project networks of the address pool are in use;".formatted(pool.capacity())
                                            + " delete unused projects or give dropdeploy.runtime.network-pool a larger range"));
            try {
                docker.createNetworkCmd()
                        .withName(name)
                        .withDriver("bridge")
                        .withCheckDuplicate(true)
                        .withLabels(labels)
                        .withIpam(new Network.Ipam()
                                .withConfig(new Network.Ipam.Config()
                                        .withSubnet(subnet)
                                        .withIpRange(NetworkPool.containerRange(subnet))
                                        .withGateway(NetworkPool.gateway(subnet))))
                        .withOptions(Map.of(ICC, String.valueOf(interContainer)))
                        .exec();
                log.info("Created network {} ({})", name, subnet);
                return;
            } catch (ConflictException e) {
                log.debug("Network {} was created concurrently", name);
                return;
            } catch (DockerException e) {
                if (attempt >= 5 || !String.valueOf(e.getMessage()).contains("overlap")) {
                    throw e;
                }
                log.debug("Subnet {} was taken concurrently; trying the next", subnet);
            }
        }
    }

    private List<String> subnetsInUse() {
        return docker.listNetworksCmd().exec().stream()
                .map(Network::getIpam)
                .filter(ipam -> ipam != null && ipam.getConfig() != null)
                .flatMap(ipam -> ipam.getConfig().stream())
                .map(Network.Ipam.Config::getSubnet)
                .toList();
    }

    /**
     * Joins Traefik (and DropDeploy's own container) to every network of this instance: a recreated container has
     * none of them.
     */
    void connectTraefikToAll() {
        List<InspectContainerResponse> infrastructure = inspectInfrastructure(); // once, not once per network
        if (infrastructure.isEmpty()) {
            return;
        }
        for (Network network : docker.listNetworksCmd()
                .withFilter("label", List.of("dropdeploy.instance=" + instance))
                .exec()) {
            for (InspectContainerResponse container : infrastructure) {
                try {
                    join(container, network.getName());
                } catch (RuntimeException e) {
                    // One network (removed meanwhile, say) must not keep Traefik off all the others.
                    log.warn("Could not join {} to {}: {}", container.getName(), network.getName(), e.getMessage());
                }
            }
        }
    }

    /**
     * Joins Traefik to the network so it can forward to the app by name, and DropDeploy's own container so it can
     * probe it; a missing one is not an error.
     */
    void connectTraefik(String networkName) {
        inspectInfrastructure().forEach(container -> join(container, networkName));
    }

    private void join(InspectContainerResponse traefik, String networkName) {
        if (traefik.getNetworkSettings().getNetworks().containsKey(networkName)) {
            return;
        }
        Network network = find(networkName);
        if (network == null) {
            return;
        }
        takesOverGateway(traefik.getNetworkSettings().getNetworks().keySet(), networkName)
                .ifPresent(own -> log.warn(
                        "{} joins {}, whose name sorts before its own network {}: the engine moves a container's"
                                + " default route and published ports to the network whose name sorts first, so its"
                                + " ports now lead into the project network. Give its own network a name that sorts"
                                + " before dd-net- (docker-compose.yml uses dd-edge-...)",
                        traefik.getName(),
                        networkName,
                        own));
        // A network made before the address plan has no reserved half, so any address does there.
        String subnet = subnetOf(network);
        boolean reserved = inPool(subnet);
        for (int slot = 0; slot < NetworkPool.INFRASTRUCTURE_OFFSETS.length; slot++) {
            try {
                String address = reserved ? NetworkPool.infrastructureAddress(subnet, slot) : null;
                var connect =
                        docker.connectToNetworkCmd().withNetworkId(networkName).withContainerId(traefik.getId());
                if (address != null) {
                    connect.withContainerNetwork(new ContainerNetwork()
                            .withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(address)));
                }
                connect.exec();
                return;
            } catch (DockerException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("already exists")) {
                    return;
                }
                if (!message.contains("in use") || slot == NetworkPool.INFRASTRUCTURE_OFFSETS.length - 1) {
                    throw e;
                }
                log.debug("Infrastructure address {} of {} is taken; trying the next", slot, networkName);
            }
        }
    }

    /**
     * The container's own network that loses the default route and published ports when it joins {@code joining}:
     * Docker 20.10 gives both to the attached network whose name sorts first (newer engines add a priority we cannot
     * rely on). Empty when the container keeps them, or already lost them to another project network.
     */
    static Optional<String> takesOverGateway(Set<String> attached, String joining) {
        return attached.stream()
                .min(String::compareTo)
                .filter(first -> joining.compareTo(first) < 0 && !first.startsWith(ContainerNames.NETWORK_PREFIX));
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
