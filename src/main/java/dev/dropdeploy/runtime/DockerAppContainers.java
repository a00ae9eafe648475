package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.dropdeploy.output.OutputLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@link AppContainers} on a Docker engine through docker-java. */
@Component
@ConditionalOnProperty(name = "dropdeploy.runtime.backend", havingValue = "engine", matchIfMissing = true)
class DockerAppContainers implements AppContainers, ProjectNetworkSource {

    private static final Logger log = LoggerFactory.getLogger(DockerAppContainers.class);

    private final DockerClient docker;
    private final RuntimeProperties properties;
    private final String dockerHost;
    private final RestartPolicy restartPolicy;
    private final ContainerNames names = new ContainerNames();
    private final ProjectNetworks networks;
    private final ContainerLauncher launcher;
    private final HealthProbe probe;
    private final ContainerLogs logs;

    /** @param dockerHost only for error messages; the client itself is configured in one place */
    DockerAppContainers(
            DockerClient docker,
            RuntimeProperties properties,
            OutputLimits output,
            @Value("${dropdeploy.docker.host:unix:///var/run/docker.sock}") String dockerHost) {
        this.docker = docker;
        this.properties = properties;
        this.dockerHost = dockerHost;
        this.restartPolicy = RestartPolicy.parse(properties.restartPolicy());
        this.networks = new ProjectNetworks(
                docker,
                properties.traefikContainer(),
                properties.selfContainer(),
                properties.instance(),
                NetworkPool.parse(properties.networkPool()));
        this.launcher = new ContainerLauncher(docker, properties, networks, new DataFolders(docker, properties));
        this.probe = new HealthProbe(properties.healthPollInterval());
        this.logs = new ContainerLogs(docker, output.maxLine());
    }

    @Override
    public AppContainer start(ContainerSpec spec) {
        ContainerLabels.requireSlug(spec.projectSlug());
        if (spec.replicas() > 1) {
            throw new RuntimeFailure("This installation runs apps on one Docker engine, one container per version;"
                    + " " + spec.replicas() + " replicas need the Swarm backend (dropdeploy.runtime.backend: swarm)");
        }
        String name = names.container(spec.projectSlug(), spec.version());
        return call("Starting " + name, () -> launcher.launch(spec, name));
    }

    @Override
    public VisitorAnswer visit(AppContainer container, String host, String path) {
        return VisitorRequest.get(container.probeTarget(), host, path.startsWith("/") ? path : "/" + path);
    }

    @Override
    public HealthOutcome awaitHealthy(AppContainer container, String path, Duration timeout) {
        String url = container.probeTarget() + (path.startsWith("/") ? path : "/" + path);
        HealthOutcome outcome = probe.await(url, timeout, () -> state(container.id()), lines -> tail(container, lines));
        log.info("{}: {}", container.name(), outcome.detail());
        if (outcome.healthy()) {
            call(
                    "Setting the restart policy of " + container.name(),
                    () -> docker.updateContainerCmd(container.id())
                            .withRestartPolicy(restartPolicy)
                            .exec());
        }
        return outcome;
    }

    private ContainerState state(String id) {
        try {
            return call(
                    "Inspecting " + id,
                    () -> docker.inspectContainerCmd(id).exec().getState());
        } catch (RuntimeFailure e) {
            if (e.getCause() instanceof NotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private List<String> tail(AppContainer container, int lines) {
        try {
            return logs(container.id(), lines);
        } catch (RuntimeFailure e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    @Override
    public void stopAndRemove(String containerId, Duration grace) {
        call("Stopping " + containerId, () -> {
            try {
                docker.stopContainerCmd(containerId)
                        .withTimeout((int) Math.max(1, grace.toSeconds()))
                        .exec();
            } catch (NotFoundException | NotModifiedException e) {
                log.debug("{} was already stopped or gone", containerId);
            }
            remove(containerId);
            return null;
        });
    }

    @Override
    public void stop(String containerId, Duration grace) {
        call("Stopping " + containerId, () -> {
            try {
                docker.stopContainerCmd(containerId)
                        .withTimeout((int) Math.max(1, grace.toSeconds()))
                        .exec();
            } catch (NotFoundException | NotModifiedException e) {
                log.debug("{} was already stopped or gone", containerId);
            }
            return null;
        });
    }

    @Override
    public AppContainer startAgain(String containerId, int port) {
        return call("Starting " + containerId + " again", () -> {
            try {
                docker.startContainerCmd(containerId).exec();
            } catch (NotModifiedException e) {
                log.debug("{} was running already", containerId);
            }
            InspectContainerResponse container =
                    docker.inspectContainerCmd(containerId).exec();
            String name = container.getName().replaceFirst("^/", "");
            String route = "http://%s:%d".formatted(name, port);
            // An app container is on its project network alone.
            String ip = container.getNetworkSettings().getNetworks().values().stream()
                    .map(ContainerNetwork::getIpAddress)
                    .filter(address -> address != null && !address.isBlank())
                    .findFirst()
                    .orElse(null);
            return new AppContainer(containerId, name, route, ip == null ? route : "http://%s:%d".formatted(ip, port));
        });
    }

    @Override
    public List<String> logs(String containerId, int lines) {
        return call("Reading the log of " + containerId, () -> logs.tail(containerId, lines));
    }

    @Override
    public AutoCloseable followLogs(String containerId, Consumer<String> sink) {
        return call("Following the log of " + containerId, () -> logs.follow(containerId, sink));
    }

    @Override
    public List<ManagedContainer> managed() {
        return list(ContainerLabels.managedFilter(properties.instance()));
    }

    @Override
    public List<ManagedContainer> reapExcept(Set<String> keep) {
        List<ManagedContainer> orphans =
                managed().stream().filter(c -> !keep.contains(c.id())).toList();
        orphans.forEach(orphan -> {
            call("Reaping " + orphan.name(), () -> remove(orphan.id()));
            log.info(
                    "Reaped {} (project {}, v{}, deployment {}, {})",
                    orphan.name(),
                    orphan.projectSlug(),
                    orphan.version(),
                    orphan.deploymentId(),
                    orphan.running() ? "was running" : "was stopped");
        });
        return orphans;
    }

    @Override
    public void removeProject(String projectSlug) {
        call("Removing project " + projectSlug, () -> {
            list(ContainerLabels.projectFilter(projectSlug, properties.instance()))
                    .forEach(c -> remove(c.id()));
            networks.remove(projectSlug);
            return null;
        });
    }

    @Override
    public void connectRouterToAllNetworks() {
        call("Joining Traefik to the project networks", () -> {
            networks.connectTraefikToAll();
            return null;
        });
    }

    @Override
    public boolean startExisting(String containerId) {
        try {
            docker.startContainerCmd(containerId).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotModifiedException e) {
            return true; // it was already running
        } catch (RuntimeException e) {
            log.warn("Could not start {} again: {}", containerId, e.getMessage());
            return false;
        }
    }

    @Override
    public String buildNetwork() {
        return call("Creating the build network", networks::ensureBuildNetwork);
    }

    @Override
    public List<ManagedContainer> writingMoreThan(long bytes) {
        return call(
                "Measuring the containers' writable layers",
                () -> docker
                        .listContainersCmd()
                        .withShowSize(true)
                        .withLabelFilter(ContainerLabels.managedFilter(properties.instance()))
                        .exec()
                        .stream()
                        .filter(c -> c.getSizeRw() != null && c.getSizeRw() > bytes)
                        .map(c -> ContainerLabels.toManaged(c.getId(), c.getNames()[0], c.getLabels(), true))
                        .toList());
    }

    private List<ManagedContainer> list(Map<String, String> labels) {
        return call(
                "Listing containers",
                () -> docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
                        .map(c -> ContainerLabels.toManaged(
                                c.getId(), c.getNames()[0], c.getLabels(), "running".equals(c.getState())))
                        .toList());
    }

    /** Shared with {@link DockerDataContainers}: both put containers on the same project networks. */
    @Override
    public String ensureProjectNetwork(String projectSlug) {
        return networks.ensure(projectSlug);
    }

    private Void remove(String id) {
        launcher.remove(id);
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
