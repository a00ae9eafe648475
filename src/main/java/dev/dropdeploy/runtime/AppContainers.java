package dev.dropdeploy.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The runtime module's entry point: hardened app containers on per-project networks.
 *
 * <p>Every container runs as a non-root user with all capabilities dropped, {@code no-new-privileges}, memory, CPU
 * and process limits, no Docker socket, and on a network only it, its project's other versions and Traefik share.
 * All methods throw {@link RuntimeFailure} with a plain-words message when the engine refuses or is unreachable.
 */
public interface AppContainers {

    /**
     * Creates the project network if needed, connects Traefik to it, then creates and starts the container. It starts
     * with no restart policy, so a crash on boot shows up as an exit code; a container that fails to start is removed.
     */
    AppContainer start(ContainerSpec spec);

    /**
     * Probes {@code path} over HTTP from outside the container until it answers, the container stops, or the timeout
     * passes. Never runs anything inside the container. Once the app answers, the configured restart policy is applied.
     */
    HealthOutcome awaitHealthy(AppContainer container, String path, Duration timeout);

    /**
     * What a visitor of {@code host} gets on {@code path}: one GET sent to the container with that {@code Host}
     * header, from outside. Never throws for a failed request: the answer then has status 0 and a problem.
     */
    VisitorAnswer visit(AppContainer container, String host, String path);

    /** Sends SIGTERM, waits up to {@code grace}, then removes the container. Unknown ids are ignored. */
    void stopAndRemove(String containerId, Duration grace);

    /**
     * Sends SIGTERM, waits up to {@code grace}, and keeps the stopped container (its writable layer and its mounts),
     * so {@link #startAgain} brings the same app back. Unknown ids are ignored.
     */
    void stop(String containerId, Duration grace);

    /**
     * Starts a container {@link #stop} kept, on its project network as before, ready for {@link #awaitHealthy}.
     *
     * @param port the port the app listens on inside the container
     * @throws RuntimeFailure when it is gone or the engine refuses
     */
    AppContainer startAgain(String containerId, int port);

    /** The last {@code lines} lines of stdout and stderr. */
    List<String> logs(String containerId, int lines);

    /** Follows new log lines until the returned handle is closed; lines go to {@code sink} (history: {@link #logs}). */
    AutoCloseable followLogs(String containerId, Consumer<String> sink);

    /** Every container carrying DropDeploy's labels, running or not. */
    List<ManagedContainer> managed();

    /** Removes managed containers whose ids are not in {@code keep}; returns what it removed. */
    List<ManagedContainer> reapExcept(Set<String> keep);

    /** Removes every container of the project and its network. */
    void removeProject(String projectSlug);

    /**
     * Joins Traefik to every project network of this installation; after Traefik's container was recreated (an
     * upgrade, {@code down} and {@code up}) it is on none, and every app would answer 502.
     */
    void connectRouterToAllNetworks();

    /**
     * Starts an existing container that is not running (after an engine restart, before its restart policy got to
     * it); {@code false} when it cannot start any more.
     */
    boolean startExisting(String containerId);

    /**
     * Running containers of this instance whose writable layer (what the app wrote outside its tmpfs) is larger than
     * {@code bytes}. The engine here cannot cap a layer's size (overlay2 on ext4), so DropDeploy measures it.
     */
    List<ManagedContainer> writingMoreThan(long bytes);

    /** The network build steps run on (created on first use): egress-limited like apps, see docs/SECURITY.md. */
    String buildNetwork();
}
