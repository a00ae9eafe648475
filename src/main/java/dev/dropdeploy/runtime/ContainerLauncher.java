package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates and starts one hardened container on its project network, or leaves nothing behind. */
final class ContainerLauncher {

    private static final Logger log = LoggerFactory.getLogger(ContainerLauncher.class);

    /** How long a removal someone else started may take before ours reports it. */
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final RuntimeProperties properties;
    private final ProjectNetworks networks;
    private final ImagePasswd passwd;
    private final DataFolders folders;

    ContainerLauncher(
            DockerClient docker, RuntimeProperties properties, ProjectNetworks networks, DataFolders folders) {
        this.docker = docker;
        this.folders = folders;
        this.properties = properties;
        this.networks = networks;
        this.passwd = new ImagePasswd(docker);
    }

    AppContainer launch(ContainerSpec spec, String name) {
        InspectImageResponse image = image(spec.image());
        String network = networks.ensure(spec.projectSlug());
        String user = Hardening.user(image.getConfig().getUser(), userName -> passwd.uidOf(spec.image(), userName));
        if (spec.dataFolder() != null) {
            folders.prepare(spec.projectSlug(), spec.dataFolder().helperImage(), user);
        }
        String id = create(spec, name, user);
        startOrRemove(id);
        String route = "http://%s:%d".formatted(name, spec.port());
        String ip = ipOn(id, network);
        log.info("Started {} ({}) at {}", name, spec.image(), ip == null ? "(already exited)" : ip);
        // An app that exited at once has lost its address; awaitHealthy reports its exit code before probing.
        return new AppContainer(id, name, route, ip == null ? route : "http://%s:%d".formatted(ip, spec.port()));
    }

    private InspectImageResponse image(String reference) {
        try {
            return docker.inspectImageCmd(reference).exec();
        } catch (NotFoundException e) {
            throw new RuntimeFailure(
                    "The image " + reference + " is not in the Docker engine; it must be built first", e);
        }
    }

    private String create(ContainerSpec spec, String name, String user) {
        ResourceLimits limits = spec.limits() == null ? properties.defaultLimits() : spec.limits();
        return docker.createContainerCmd(spec.image())
                .withName(name)
                .withUser(user)
                .withEnv(Hardening.env(spec, user))
                .withLabels(ContainerLabels.forContainer(spec, properties.instance()))
                .withHostConfig(Hardening.hostConfig(spec, limits, properties))
                .withAliases(name)
                .exec()
                .getId();
    }

    /** A container that was created but cannot start is removed, so nothing is left half-made. */
    private void startOrRemove(String id) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            remove(id);
            throw e;
        }
    }

    /** The container's address on the project network, or {@code null} when it already stopped. */
    private String ipOn(String id, String network) {
        InspectContainerResponse container = docker.inspectContainerCmd(id).exec();
        ContainerNetwork endpoint = container.getNetworkSettings().getNetworks().get(network);
        if (endpoint != null
                && endpoint.getIpAddress() != null
                && !endpoint.getIpAddress().isBlank()) {
            return endpoint.getIpAddress();
        }
        if (!Boolean.TRUE.equals(container.getState().getRunning())) {
            return null;
        }
        remove(id);
        throw new RuntimeFailure("The container got no address on " + network + " and was removed");
    }

    void remove(String id) {
        try {
            docker.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            log.debug("{} already removed", id);
        } catch (ConflictException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw e;
            }
            // Another step (a retirement, a reap) is removing it: done once it is gone, so the network can go too.
            awaitGone(id);
        }
    }

    private void awaitGone(String id) {
        long deadline = System.nanoTime() + REMOVAL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                docker.inspectContainerCmd(id).exec();
            } catch (NotFoundException gone) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeFailure("Interrupted while the container " + id + " was being removed", e);
            }
        }
        throw new RuntimeFailure(
                "The container " + id + " was still being removed after " + REMOVAL_WAIT.toSeconds() + " s");
    }
}
