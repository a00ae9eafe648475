package dev.dropdeploy.build;

import java.nio.file.Path;

/**
 * One image to build.
 *
 * @param context the app folder (a checked-out version), never modified
 * @param dockerfile the generated Dockerfile, or {@code null} to use the project's own {@code Dockerfile}
 * @param network the network build steps run on ({@code RUN} containers), or {@code null} for the engine's default;
 *     deployments always name the egress-limited build network
 */
public record BuildRequest(
        String projectSlug,
        int version,
        String deploymentId,
        Path context,
        GeneratedDockerfile dockerfile,
        String network) {

    public BuildRequest(
            String projectSlug, int version, String deploymentId, Path context, GeneratedDockerfile dockerfile) {
        this(projectSlug, version, deploymentId, context, dockerfile, null);
    }

    /** {@code dd-app/<slug>:v<N>}: one repository per project, so retention works per project. */
    public String tag() {
        return "dd-app/" + projectSlug + ":v" + version;
    }
}
