package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.SwarmInfo;
import dev.dropdeploy.output.OutputLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@link AppContainers} as Docker Swarm services: one service per app version (as one container per version on the
 * engine backend), on the project's attachable overlay network, with {@code replicas} tasks spread over the nodes.
 *
 * <p>Routes point at the service's name, which Swarm's DNS on the overlay resolves to the addresses of whichever tasks
 * run now (DNS round robin, see {@link SwarmSpecs}), so a task rescheduled to another node (a drain, a lost worker) is
 * served without DropDeploy changing a route, and a route stays one URL, which keeps cutover one atomic replacement in
 * the route table. Health and visitor probes reach the same VIP through the {@link ProbeRelay}, since DropDeploy runs on
 * the host, which has no address on any overlay.
 */
@Component
@ConditionalOnProperty(name = "dropdeploy.runtime.backend", havingValue = "swarm")
class SwarmAppContainers implements AppContainers, ProjectNetworkSource {

    private static final Logger log = LoggerFactory.getLogger(SwarmAppContainers.class);
    private static final Duration NETWORK_RELEASE = Duration.ofSeconds(20);

    private final DockerClient docker;
    private final RuntimeProperties properties;
    private final SwarmProperties swarm;
    private final String dockerHost;
    private final ContainerNames names = new ContainerNames();
    private final ProbeRelay relay;
    private final OverlayNetworks networks;
    private final ProjectNetworks buildNetworks;
    private final HealthProbe probe;
    private final ContainerLogs logs;
    private final ImagePasswd passwd;
    private final DataFolders folders;
    private final SwarmTasks tasks;
    private final InstallationRegistry registry;

    SwarmAppContainers(
            DockerClient docker,
            RuntimeProperties properties,
            SwarmProperties swarm,
            OutputLimits output,
            InstallationRegistry registry,
            @Value("${dropdeploy.docker.host:unix:///var/run/docker.sock}") String dockerHost) {
        if (!properties.ociRuntime().isBlank()) {
            // Running strangers' code under runc while the operator asked for a sandbox would be a silent downgrade.
            throw new IllegalStateException("dropdeploy.runtime.oci-runtime=" + properties.ociRuntime()
                    + " cannot be applied by the Swarm backend: a service spec cannot choose an OCI runtime. Make it"
                    + " every node's default instead (\"default-runtime\": \"" + properties.ociRuntime()
                    + "\" in /etc/docker/daemon.json) and leave DROPDEPLOY_OCI_RUNTIME empty.");
        }
        this.docker = docker;
        this.properties = properties;
        this.swarm = swarm;
        this.dockerHost = dockerHost;
        this.relay = new ProbeRelay(docker, swarm.relayImage(), properties.instance());
        this.networks = new OverlayNetworks(
                docker,
                properties.instance(),
                swarm.encryptNetworks(),
                List.of(properties.traefikContainer(), properties.selfContainer(), relay.name()));
        this.relay.afterCreate(networks::connectAll);
        // Builds still run on this engine, on its egress-limited bridge network.
        this.buildNetworks =
                new ProjectNetworks(docker, "", "", properties.instance(), NetworkPool.parse(properties.networkPool()));
        this.probe = new HealthProbe(properties.healthPollInterval());
        this.logs = ContainerLogs.ofServices(docker, output.maxLine());
        this.passwd = new ImagePasswd(docker);
        this.folders = new DataFolders(docker, properties);
        this.tasks = new SwarmTasks(docker);
        this.registry = registry;
    }

    @Override
    public AppContainer start(ContainerSpec spec) {
        ContainerLabels.requireSlug(spec.projectSlug());
        String name = names.container(spec.projectSlug(), spec.version());
        return call("Starting " + name, () -> {
            String manager = managerNode();
            String imageUser = image(spec.image()).getConfig().getUser();
            String user = Hardening.user(imageUser, userName -> passwd.uidOf(spec.image(), userName));
            String probeBase = relay.target(name, spec.port()); // the relay exists before it joins the network
            ensureProjectNetwork(spec.projectSlug());
            if (spec.dataFolder() != null) {
                folders.prepare(spec.projectSlug(), spec.dataFolder().helperImage(), user);
            }
            ResourceLimits limits = spec.limits() == null ? properties.defaultLimits() : spec.limits();
            var service = SwarmSpecs.service(
                    spec,
                    name,
                    user,
                    limits,
                    properties,
                    swarm,
                    spec.replicas(),
                    spec.dataFolder() == null ? null : manager);
            // Every node pulls the image from the installation's registry, with the credentials the service carries.
            String image = registry.publish(spec.image());
            service.getTaskTemplate().getContainerSpec().withImage(image);
            var create = docker.createServiceCmd(service);
            if (registry.enabled()) {
                create.withAuthConfig(registry.pullAuth());
            }
            String id = create.exec().getId();
            log.info("Created service {} ({}, {} replica(s))", name, image, spec.replicas());
            return new AppContainer(id, name, "http://%s:%d".formatted(name, spec.port()), probeBase);
        });
    }

    private com.github.dockerjava.api.command.InspectImageResponse image(String reference) {
        try {
            return docker.inspectImageCmd(reference).exec();
        } catch (NotFoundException e) {
            throw new RuntimeFailure(
                    "The image " + reference + " is not in the Docker engine; it must be built first", e);
        }
    }

    /** This engine's node id; refuses plainly when the engine is no swarm manager. */
    private String managerNode() {
        SwarmInfo info = docker.infoCmd().exec().getSwarm();
        if (info == null || !Boolean.TRUE.equals(info.getControlAvailable())) {
            throw new RuntimeFailure("dropdeploy.runtime.backend is swarm, but the Docker engine at " + dockerHost
                    + " is not a swarm manager; run `docker swarm init` there or set the backend to engine");
        }
        return info.getNodeID();
    }

    /**
     * Healthy once the service's address answers and all its replicas run; a task that ends first (a crash, an image a
     * node cannot get) fails the wait at once with its exit code or the engine's reason and the service's last lines.
     */
    @Override
    public HealthOutcome awaitHealthy(AppContainer container, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String url = container.probeTarget() + (path.startsWith("/") ? path : "/" + path);
        HealthOutcome outcome =
                probe.awaitAnswer(url, timeout, () -> ended(container), lines -> tail(container, lines));
        if (outcome.healthy()) {
            outcome = tasks.awaitAllRunning(container.id(), deadline, properties.healthPollInterval(), outcome)
                    .orElse(outcome);
        }
        if (outcome.healthy()) {
            outcome = everyTaskAnswers(container, url, deadline).orElse(outcome);
        }
        if (!outcome.healthy() && outcome.exitCode() == null) {
            // A task that crashed meanwhile is the reason, not the network it can no longer be reached on.
            HealthOutcome ended = ended(container);
            outcome = ended != null ? ended : outcome;
        }
        log.info("{}: {}", container.name(), outcome.detail());
        return outcome;
    }

    private Optional<HealthOutcome> everyTaskAnswers(AppContainer container, String url, long deadline) {
        long expected = tasks.wanted(container.id());
        return EveryTask.silent(
                        url, expected, deadline, properties.healthPollInterval(), () -> ended(container) == null)
                .map(silent -> new HealthOutcome(
                        false,
                        null,
                        false,
                        List.of(),
                        "not every task answers from this node (" + silent + "): the nodes do not reach each other"
                                + " on the project's overlay network. Open UDP 4789 (and IP protocol 50, ESP) between"
                                + " them; on a kernel without IPsec (the engine logs \"Failed Adding SA\") set"
                                + " DROPDEPLOY_SWARM_ENCRYPT=false"));
    }

    private HealthOutcome ended(AppContainer container) {
        return call("Inspecting the tasks of " + container.name(), () -> tasks.firstEnded(container.id()))
                .map(end -> new HealthOutcome(
                        false, end.exitCode(), false, tail(container, HealthProbe.LOG_TAIL), end.detail()))
                .orElse(null);
    }

    private List<String> tail(AppContainer container, int lines) {
        try {
            return logs(container.id(), lines);
        } catch (RuntimeFailure e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    @Override
    public VisitorAnswer visit(AppContainer container, String host, String path) {
        return VisitorRequest.get(container.probeTarget(), host, path.startsWith("/") ? path : "/" + path);
    }

    /** Swarm stops the tasks with the service's stop grace period, set from {@code stop-grace} when it was made. */
    @Override
    public void stopAndRemove(String serviceId, Duration grace) {
        call("Removing service " + serviceId, () -> remove(serviceId));
    }

    /** Scales to 0: the service, its spec and its replica count stay, so {@link #startAgain} brings the app back. */
    @Override
    public void stop(String serviceId, Duration grace) {
        call("Stopping service " + serviceId, () -> {
            find(serviceId).ifPresent(service -> scale(service, 0));
            return null;
        });
    }

    @Override
    public AppContainer startAgain(String serviceId, int port) {
        return call("Starting service " + serviceId + " again", () -> {
            Service service =
                    find(serviceId).orElseThrow(() -> new RuntimeFailure("The service " + serviceId + " is gone"));
            scale(service, replicasOf(service));
            String name = service.getSpec().getName();
            return new AppContainer(
                    service.getId(), name, "http://%s:%d".formatted(name, port), relay.target(name, port));
        });
    }

    private static int replicasOf(Service service) {
        try {
            return Math.max(1, Integer.parseInt(service.getSpec().getLabels().getOrDefault(SwarmSpecs.REPLICAS, "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Only the replica count changes, which Swarm applies without replacing running tasks. */
    private void scale(Service service, int replicas) {
        var spec = service.getSpec()
                .withMode(new ServiceModeConfig()
                        .withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas)));
        docker.updateServiceCmd(service.getId(), spec)
                .withVersion(service.getVersion().getIndex())
                .exec();
        log.info("Scaled {} to {}", service.getSpec().getName(), replicas);
    }

    @Override
    public List<String> logs(String serviceId, int lines) {
        return call("Reading the log of " + serviceId, () -> logs.tail(serviceId, lines));
    }

    @Override
    public AutoCloseable followLogs(String serviceId, Consumer<String> sink) {
        return call("Following the log of " + serviceId, () -> logs.follow(serviceId, sink));
    }

    @Override
    public List<ManagedContainer> managed() {
        return list(ContainerLabels.managedFilter(properties.instance()));
    }

    @Override
    public List<ManagedContainer> reapExcept(Set<String> keep) {
        List<ManagedContainer> orphans =
                managed().stream().filter(s -> !keep.contains(s.id())).toList();
        orphans.forEach(orphan -> {
            call("Reaping " + orphan.name(), () -> remove(orphan.id()));
            log.info("Reaped service {} (project {}, v{})", orphan.name(), orphan.projectSlug(), orphan.version());
        });
        return orphans;
    }

    @Override
    public void removeProject(String projectSlug) {
        call("Removing project " + projectSlug, () -> {
            list(ContainerLabels.projectFilter(projectSlug, properties.instance()))
                    .forEach(s -> remove(s.id()));
            removeNetworkWhenReleased(projectSlug);
            return null;
        });
    }

    /** A removed service's tasks leave the network over a few seconds; until then the engine refuses to remove it. */
    private void removeNetworkWhenReleased(String projectSlug) {
        long deadline = System.nanoTime() + NETWORK_RELEASE.toNanos();
        while (true) {
            try {
                networks.remove(projectSlug);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    log.warn("Could not remove the network of {}: {}", projectSlug, e.getMessage());
                    return;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.healthPollInterval().multipliedBy(4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while removing a project network", e);
        }
    }

    @Override
    public void connectRouterToAllNetworks() {
        call("Joining Traefik and the probe relay to the project networks", () -> {
            relay.baseUrl();
            networks.connectAll();
            return null;
        });
    }

    /** Swarm restarts tasks itself; a service scaled to 0 is a stopped (sleeping) app and is scaled back. */
    @Override
    public boolean startExisting(String serviceId) {
        try {
            Service service = find(serviceId).orElse(null);
            if (service == null) {
                return false;
            }
            if (service.getSpec().getMode().getReplicated().getReplicas() == 0) {
                scale(service, replicasOf(service));
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not start {} again: {}", serviceId, e.getMessage());
            return false;
        }
    }

    /**
     * Not measured on the Swarm backend: tasks' writable layers live on every node's disk, which this engine cannot
     * read. Each node's own disk space is the operator's to watch (README, More than one machine).
     */
    @Override
    public List<ManagedContainer> writingMoreThan(long bytes) {
        return List.of();
    }

    @Override
    public String buildNetwork() {
        return call("Creating the build network", buildNetworks::ensureBuildNetwork);
    }

    @Override
    public String ensureProjectNetwork(String projectSlug) {
        return networks.ensure(projectSlug);
    }

    private List<ManagedContainer> list(Map<String, String> labels) {
        return call(
                "Listing services",
                () -> docker.listServicesCmd().withLabelFilter(labels).exec().stream()
                        .map(s -> ContainerLabels.toManaged(
                                s.getId(),
                                s.getSpec().getName(),
                                s.getSpec().getLabels(),
                                s.getSpec().getMode().getReplicated() != null
                                        && s.getSpec().getMode().getReplicated().getReplicas() > 0))
                        .toList());
    }

    private java.util.Optional<Service> find(String serviceId) {
        try {
            return java.util.Optional.of(docker.inspectServiceCmd(serviceId).exec());
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    private Void remove(String serviceId) {
        try {
            docker.removeServiceCmd(serviceId).exec();
        } catch (NotFoundException e) {
            log.debug("Service {} already removed", serviceId);
        }
        return null;
    }

    private <T> T call(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw DockerFailures.explain(action, dockerHost, e);
        }
    }
}
