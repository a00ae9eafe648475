package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Projects' data folders: one named volume each, handed to the app's user and measured by short-lived helper containers
 * that run as root with only the file capabilities they need and no network. The engine cannot cap a volume's size
 * here (overlay2 on ext4 has no quotas), so DropDeploy measures it and the data module enforces the quota.
 */
final class DataFolders {

    private static final int HELPER_TIMEOUT_SECONDS = 120;

    private final DockerClient docker;
    private final RuntimeProperties properties;

    DataFolders(DockerClient docker, RuntimeProperties properties) {
        this.docker = docker;
        this.properties = properties;
    }

    static String volume(String instance, String projectSlug) {
        return ContainerNames.data(instance, projectSlug, "data");
    }

    static Bind bind(String instance, String projectSlug) {
        return new Bind(volume(instance, projectSlug), new Volume(DataFolder.MOUNT));
    }

    private String volume(String projectSlug) {
        return volume(properties.instance(), projectSlug);
    }

    /**
     * Makes the volume unless it exists, and gives it to {@code user} ({@code uid:gid}) when it belongs to someone else,
     * so a version that runs as another user can still write what earlier versions wrote.
     */
    void prepare(String projectSlug, String helperImage, String user) {
        ensureVolume(projectSlug);
        String script = "test \"$(stat -c %u:%g /data)\" = \"$1\" || chown -R \"$1\" /data";
        String output = run(projectSlug, helperImage, List.of("sh", "-c", script, "sh", user));
        if (output == null) {
            throw new RuntimeFailure("The data folder of " + projectSlug + " could not be handed to its app");
        }
    }

    long bytes(String projectSlug, String helperImage) {
        if (!exists(projectSlug)) {
            return 0;
        }
        String output = run(projectSlug, helperImage, List.of("du", "-sxb", DataFolder.MOUNT));
        if (output == null) {
            throw new RuntimeFailure("The data folder of " + projectSlug + " could not be measured");
        }
        return Long.parseLong(output.strip().split("\\s+")[0]);
    }

    void archive(String projectSlug, String helperImage, OutputStream out) {
        if (!exists(projectSlug)) {
            return;
        }
        String id = create(projectSlug, helperImage, List.of("true"));
        try (InputStream tar =
                docker.copyArchiveFromContainerCmd(id, DataFolder.MOUNT).exec()) {
            tar.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            removeContainer(id);
        }
    }

    /** Unpacks the archive through a stopped helper, then hands what arrived to the folder's owner. */
    void restore(String projectSlug, String helperImage, InputStream tar) {
        ensureVolume(projectSlug);
        String id = create(projectSlug, helperImage, List.of("true"));
        try {
            docker.copyArchiveToContainerCmd(id)
                    .withRemotePath(DataFolder.MOUNT)
                    .withTarInputStream(tar)
                    .exec();
        } finally {
            removeContainer(id);
        }
        String script = "chown -R \"$(stat -c %u:%g /data)\" /data";
        if (run(projectSlug, helperImage, List.of("sh", "-c", script)) == null) {
            throw new RuntimeFailure("The files were unpacked into the data folder of " + projectSlug
                    + " but could not be given to its app's user");
        }
    }

    void remove(String projectSlug) {
        try {
            docker.removeVolumeCmd(volume(projectSlug)).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    private boolean exists(String projectSlug) {
        try {
            docker.inspectVolumeCmd(volume(projectSlug)).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void ensureVolume(String projectSlug) {
        if (!exists(projectSlug)) {
            docker.createVolumeCmd()
                    .withName(volume(projectSlug))
                    .withLabels(ContainerLabels.forData(projectSlug, properties.instance(), "data"))
                    .exec();
        }
    }

    /** @return the helper's standard output, or {@code null} when it failed */
    private String run(String projectSlug, String helperImage, List<String> command) {
        String id = create(projectSlug, helperImage, command);
        try {
            docker.startContainerCmd(id).exec();
            int status = docker.waitContainerCmd(id)
                    .exec(new WaitContainerResultCallback())
                    .awaitStatusCode(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return status == 0 ? stdout(id) : null;
        } finally {
            removeContainer(id);
        }
    }

    private String create(String projectSlug, String helperImage, List<String> command) {
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(bind(properties.instance(), projectSlug))
                .withNetworkMode("none")
                .withCapDrop(Capability.ALL)
                .withCapAdd(Capability.CHOWN, Capability.DAC_OVERRIDE, Capability.FOWNER, Capability.DAC_READ_SEARCH)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(64L * 1024 * 1024)
                .withPidsLimit(32L)
                .withReadonlyRootfs(true);
        return docker.createContainerCmd(helperImage)
                .withUser("0:0")
                .withEntrypoint(command.getFirst())
                .withCmd(command.subList(1, command.size()))
                .withLabels(ContainerLabels.forData(projectSlug, properties.instance(), "helper"))
                .withHostConfig(host)
                .exec()
                .getId();
    }

    private String stdout(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            docker.logContainerCmd(id)
                    .withStdOut(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
                                out.writeBytes(frame.getPayload());
                            }
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while reading a helper's output", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void removeContainer(String containerId) {
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }
}
