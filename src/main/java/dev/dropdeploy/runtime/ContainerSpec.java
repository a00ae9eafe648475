package dev.dropdeploy.runtime;

import java.util.Map;

/**
 * One app container to start.
 *
 * @param projectSlug owner project; decides the per-project network {@code dd-net-<slug>}
 * @param version the workspace version it runs
 * @param deploymentId DropDeploy's deployment id, written to the container's labels
 * @param image the image to run (already built)
 * @param port the port the app listens on inside the container; {@code PORT} is set to it
 * @param env environment variables injected at run time (never baked into images); may hold secrets
 * @param readOnlyRootFilesystem whether the stack can run with a read-only root (writable tmpfs at /tmp)
 * @param limits resource limits; {@code null} means the configured defaults
 * @param dataFolder the project's persistent folder to mount at {@code /data}; {@code null} for none
 * @param replicas how many copies run (the Swarm backend); the engine backend runs exactly one
 */
public record ContainerSpec(
        String projectSlug,
        int version,
        String deploymentId,
        String image,
        int port,
        Map<String, String> env,
        boolean readOnlyRootFilesystem,
        ResourceLimits limits,
        DataFolder dataFolder,
        int replicas) {

    public ContainerSpec {
        if (replicas < 1) {
            throw new IllegalArgumentException("An app runs at least one replica; got " + replicas);
        }
    }

    /** One replica. */
    public ContainerSpec(
            String projectSlug,
            int version,
            String deploymentId,
            String image,
            int port,
            Map<String, String> env,
            boolean readOnlyRootFilesystem,
            ResourceLimits limits,
            DataFolder dataFolder) {
        this(projectSlug, version, deploymentId, image, port, env, readOnlyRootFilesystem, limits, dataFolder, 1);
    }
}
