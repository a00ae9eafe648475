package dev.dropdeploy.build;

import java.nio.file.Path;

/**
 * One image to build.
 *
 * @param context the app folder (a checked-out version), never modified
 * @param dockerfile the generated Dockerfile, or {@code null} to use the project's own {@code Dockerfile}
 */
public record BuildRequest(
        String projectSlug, int version, String deploymentId, Path context, GeneratedDockerfile dockerfile) {

    /** {@code dd-app/<slug>:v<N>}: one repository per project, so retention works per project. */
    public String tag() {
        return "dd-app/" + projectSlug + ":v" + version;
    }
}
