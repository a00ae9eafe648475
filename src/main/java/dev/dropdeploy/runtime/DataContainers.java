package dev.dropdeploy.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The runtime's entry point for data that outlives app containers: each project's data folder (a volume mounted at
 * {@code /data} in its apps, see {@link ContainerSpec#dataFolder}) and its service containers (a database, a key-value
 * store), which live on the project's own network under a fixed alias, so only that project's containers can reach
 * them. Service containers carry no {@code dropdeploy.managed} label: the reaper and app reconciliation never see them.
 * All methods throw {@link RuntimeFailure} with a plain-words message when the engine refuses or is unreachable.
 */
public interface DataContainers {

    /**
     * Creates the service's volume and container unless they exist, starts it when stopped, and waits until its
     * readiness command succeeds. Idempotent: calling it for a running, ready service changes nothing.
     */
    void ensureService(ServiceSpec spec, Duration readyTimeout);

    /** Removes the service's container and keeps its volume, so {@link #ensureService} makes it anew on the same data. */
    void replaceServiceContainer(String projectSlug, String service);

    /** Removes the service's container and, with it, its volume: its data is gone. Unknown services are ignored. */
    void removeService(String projectSlug, String service);

    /** Every service container of this installation, running or not. */
    List<ServiceContainer> services();

    /**
     * Runs {@code command} inside the running service container as its own user, its standard output to {@code stdout}.
     *
     * @return the command's exit code
     */
    int exec(String projectSlug, String service, List<String> command, OutputStream stdout, OutputStream stderr);

    /** Copies one file into the service's volume (its mount point), readable by the service's user. */
    void copyIntoVolume(String projectSlug, String service, String fileName, Path file);

    /** Bytes the project's data folder holds (0 when it has none), measured inside a helper container. */
    long folderBytes(String projectSlug, String helperImage);

    /** Writes the data folder as a tar archive ({@code data/...}); nothing when the project has none. */
    void archiveFolder(String projectSlug, String helperImage, OutputStream out);

    /** Unpacks a tar archive of files into the data folder, owned by the folder's owner (an import). */
    void restoreFolder(String projectSlug, String helperImage, InputStream tar);

    /** Deletes the project's data folder. Only call it while no container of the project mounts it. */
    void removeFolder(String projectSlug);
}
