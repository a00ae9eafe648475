package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Creates service containers with an app's hardening, except that they restart on their own ({@code unless-stopped}):
 * a database must come back after an engine restart before any app needs it, with or without DropDeploy running.
 */
final class ServiceLauncher {

    private static final Pattern SERVICE = Pattern.compile("[a-z]{2,20}");
    private static final Duration READY_POLL = Duration.ofMillis(300);

    private final DockerClient docker;
    private final RuntimeProperties properties;
    private final ImagePasswd passwd;

    ServiceLauncher(DockerClient docker, RuntimeProperties properties, ImagePasswd passwd) {
        this.docker = docker;
        this.properties = properties;
        this.passwd = passwd;
    }

    static String requireService(String service) {
        if (service == null
                || !SERVICE.matcher(service).matches()
                || service.equals("data")
                || service.equals("helper")) {
            throw new IllegalArgumentException("A service name is 2 to 20 lower-case letters; got '" + service + "'");
        }
        return service;
    }

    String create(ServiceSpec spec, String name, String network) {
        OptionalLong uid = passwd.uidOf(spec.image(), spec.user());
        if (uid.isEmpty() || uid.getAsLong() == 0) {
            throw new RuntimeFailure("The image " + spec.image() + " has no unprivileged user " + spec.user());
        }
        ensureVolume(spec, name);
        return docker.createContainerCmd(spec.image())
                .withName(name)
                .withUser(uid.getAsLong() + ":" + uid.getAsLong())
                .withEnv(spec.env().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList())
                .withCmd(spec.command())
                .withLabels(ContainerLabels.forData(spec.projectSlug(), properties.instance(), spec.service()))
                .withHostConfig(hostConfig(spec, name, network))
                .withAliases(spec.service())
                .exec()
                .getId();
    }

    private HostConfig hostConfig(ServiceSpec spec, String volume, String network) {
        Map<String, String> tmpfs = spec.writablePaths().stream()
                .collect(Collectors.toMap(
                        path -> path,
                        path -> "rw,nosuid,nodev,noexec,mode=1777,size=16m",
                        (a, b) -> a,
                        LinkedHashMap::new));
        tmpfs.put("/tmp", "rw,nosuid,nodev,noexec,mode=1777,size=64m");
        return HostConfig.newHostConfig()
                .withNetworkMode(network)
                .withBinds(new Bind(volume, new Volume(spec.volumePath())))
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPrivileged(false)
                .withReadonlyRootfs(true)
                .withTmpFs(tmpfs)
                .withMemory(spec.memory().toBytes())
                .withMemorySwap(spec.memory().toBytes())
                .withNanoCPUs(500_000_000L)
                .withPidsLimit(128L)
                .withInit(true)
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withLogConfig(Hardening.BOUNDED_LOG);
    }

    /** A new volume mounted over a path the image owns takes that path's owner, so the service's user can write it. */
    private void ensureVolume(ServiceSpec spec, String name) {
        try {
            docker.inspectVolumeCmd(name).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            docker.createVolumeCmd()
                    .withName(name)
                    .withLabels(ContainerLabels.forData(spec.projectSlug(), properties.instance(), spec.service()))
                    .exec();
        }
    }

    void awaitReady(String containerId, ServiceSpec spec, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (readyOnce(containerId, spec.ready())) {
                return;
            }
            var state = docker.inspectContainerCmd(containerId).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getRestarting())) {
                throw new RuntimeFailure(spec.service() + " stopped while starting (exit code "
                        + state.getExitCodeLong() + "); see `docker logs " + containerId.substring(0, 12) + "`");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RuntimeFailure(spec.service() + " did not get ready within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    private boolean readyOnce(String containerId, List<String> command) {
        try {
            String exec = docker.execCreateCmd(containerId)
                    .withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
            docker.execStartCmd(exec)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>())
                    .awaitCompletion(10, TimeUnit.SECONDS);
            Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
            return code != null && code == 0;
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            return false; // not running (yet): the engine refuses exec
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while waiting for a service", e);
        }
    }

    /** One file into the volume's mount point, mode 0644, through the engine's archive API (no shell involved). */
    void copyIntoVolume(String containerName, String fileName, Path file) {
        var info = docker.inspectContainerCmd(containerName).exec();
        String mount = info.getMounts().stream()
                .filter(m -> containerName.equals(m.getName()))
                .map(m -> m.getDestination().getPath())
                .findFirst()
                .orElseThrow(() -> new RuntimeFailure(containerName + " has no volume"));
        Path tar = null;
        try {
            tar = Files.createTempFile("dropdeploy-copy-", ".tar");
            try (OutputStream out = Files.newOutputStream(tar);
                    TarArchiveOutputStream archive = new TarArchiveOutputStream(out)) {
                archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                archive.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                TarArchiveEntry entry = new TarArchiveEntry(fileName);
                entry.setSize(Files.size(file));
                entry.setMode(0644);
                archive.putArchiveEntry(entry);
                Files.copy(file, archive);
                archive.closeArchiveEntry();
            }
            try (var in = Files.newInputStream(tar)) {
                docker.copyArchiveToContainerCmd(containerName)
                        .withRemotePath(mount)
                        .withTarInputStream(in)
                        .exec();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tar != null) {
                tar.toFile().delete();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(READY_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while waiting for a service", e);
        }
    }
}
