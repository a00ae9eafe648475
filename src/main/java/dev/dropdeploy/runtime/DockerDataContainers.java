package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@link DataContainers} on a Docker engine through docker-java. */
@Component
class DockerDataContainers implements DataContainers {

    private static final Logger log = LoggerFactory.getLogger(DockerDataContainers.class);

    private final DockerClient docker;
    private final RuntimeProperties properties;
    private final ProjectNetworkSource networks;
    private final ServiceLauncher launcher;
    private final DataFolders folders;
    private final String dockerHost;

    DockerDataContainers(
            DockerClient docker,
            RuntimeProperties properties,
            ProjectNetworkSource networks,
            @Value("${dropdeploy.docker.host:unix:///var/run/docker.sock}") String dockerHost) {
        this.docker = docker;
        this.properties = properties;
        this.networks = networks;
        this.launcher = new ServiceLauncher(docker, properties, new ImagePasswd(docker));
        this.folders = new DataFolders(docker, properties);
        this.dockerHost = dockerHost;
    }

    private String containerName(String projectSlug, String service) {
        return ContainerNames.data(properties.instance(), projectSlug, ServiceLauncher.requireService(service));
    }

    @Override
    public void ensureService(ServiceSpec spec, Duration readyTimeout) {
        call("Starting " + spec.service() + " for " + spec.projectSlug(), () -> {
            String network = networks.ensureProjectNetwork(spec.projectSlug());
            String name = containerName(spec.projectSlug(), spec.service());
            InspectContainerResponse existing = inspect(name);
            String id = existing == null ? launcher.create(spec, name, network) : existing.getId();
            if (existing == null || !Boolean.TRUE.equals(existing.getState().getRunning())) {
                start(id);
            }
            launcher.awaitReady(id, spec, readyTimeout);
            return null;
        });
    }

    @Override
    public void replaceServiceContainer(String projectSlug, String service) {
        call("Replacing " + service + " of " + projectSlug, () -> {
            removeContainer(containerName(projectSlug, service));
            return null;
        });
    }

    @Override
    public void removeService(String projectSlug, String service) {
        call("Removing " + service + " of " + projectSlug, () -> {
            String name = containerName(projectSlug, service);
            removeContainer(name);
            try {
                docker.removeVolumeCmd(name).exec();
            } catch (NotFoundException e) {
                log.debug("The volume {} was already gone", name);
            }
            return null;
        });
    }

    @Override
    public List<ServiceContainer> services() {
        return call(
                "Listing service containers",
                () -> docker
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(ContainerLabels.INSTANCE, properties.instance()))
                        .exec()
                        .stream()
                        .filter(c -> ContainerLabels.isService(c.getLabels()))
                        .map(c -> new ServiceContainer(
                                c.getLabels().get(ContainerLabels.PROJECT),
                                c.getLabels().get(ContainerLabels.SERVICE),
                                c.getId(),
                                "running".equals(c.getState())))
                        .toList());
    }

    @Override
    public int exec(
            String projectSlug, String service, List<String> command, OutputStream stdout, OutputStream stderr) {
        return call("Running " + command.getFirst() + " in " + service + " of " + projectSlug, () -> {
            String exec = docker.execCreateCmd(containerName(projectSlug, service))
                    .withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
            try {
                docker.execStartCmd(exec).exec(new Frames(stdout, stderr)).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeFailure("Interrupted while " + command.getFirst() + " ran", e);
            }
            Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
            return code == null ? -1 : code.intValue();
        });
    }

    @Override
    public void copyIntoVolume(String projectSlug, String service, String fileName, Path file) {
        call("Copying " + fileName + " into " + service + " of " + projectSlug, () -> {
            launcher.copyIntoVolume(containerName(projectSlug, service), fileName, file);
            return null;
        });
    }

    @Override
    public long folderBytes(String projectSlug, String helperImage) {
        return call("Measuring the data folder of " + projectSlug, () -> folders.bytes(projectSlug, helperImage));
    }

    @Override
    public void archiveFolder(String projectSlug, String helperImage, OutputStream out) {
        call("Archiving the data folder of " + projectSlug, () -> {
            folders.archive(projectSlug, helperImage, out);
            return null;
        });
    }

    @Override
    public void restoreFolder(String projectSlug, String helperImage, InputStream tar) {
        call("Unpacking into the data folder of " + projectSlug, () -> {
            folders.restore(projectSlug, helperImage, tar);
            return null;
        });
    }

    @Override
    public void removeFolder(String projectSlug) {
        call("Deleting the data folder of " + projectSlug, () -> {
            folders.remove(projectSlug);
            return null;
        });
    }

    private void removeContainer(String name) {
        try {
            docker.stopContainerCmd(name).withTimeout(20).exec();
        } catch (NotFoundException | NotModifiedException e) {
            log.debug("{} was not running", name);
        }
        try {
            docker.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException e) {
            log.debug("{} was already gone", name);
        }
    }

    private InspectContainerResponse inspect(String name) {
        try {
            return docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void start(String id) {
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException e) {
            log.debug("{} was already running", id);
        }
    }

    private <T> T call(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw DockerFailures.explain(action, dockerHost, e);
        }
    }

    /** Demultiplexes an exec's output into its two streams. */
    private static final class Frames extends ResultCallback.Adapter<Frame> {

        private final OutputStream stdout;
        private final OutputStream stderr;

        Frames(OutputStream stdout, OutputStream stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public void onNext(Frame frame) {
            try {
                (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).write(frame.getPayload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
