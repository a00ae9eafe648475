package dev.dropdeploy.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Dockerfile written for a detected app, ready to build with the app folder as context.
 *
 * @param dockerfile the Dockerfile text: generated, or the project's own one as vetted and rewritten by {@link
 *     OwnDockerfiles}; {@code null} only in the CLI's preview of a project with its own Dockerfile
 * @param dockerignore the {@code .dockerignore} text (VCS folders, dependencies, build output; secrets are
 *     left out by {@code SecretFiles} whatever it says); with the project's own Dockerfile its own
 *     {@code .dockerignore}, and {@code null} only in the CLI's preview
 * @param extraContextFiles files to add to the build context, keyed by their path inside the context (for example
 *     the extra CA certificates under {@code .dropdeploy/ca/}), never written into the user's workspace
 * @param generatedContextFiles texts written for this build (a run page's {@code run.json}), keyed like the extra files
 * @param notes plain-words remarks for the user ("no lockfile: versions are resolved at build time")
 */
public record GeneratedDockerfile(
        String dockerfile,
        String dockerignore,
        Map<String, Path> extraContextFiles,
        Map<String, String> generatedContextFiles,
        List<String> notes) {

    /** A Dockerfile whose build needs no text written for it. */
    public GeneratedDockerfile(
            String dockerfile, String dockerignore, Map<String, Path> extraContextFiles, List<String> notes) {
        this(dockerfile, dockerignore, extraContextFiles, Map.of(), notes);
    }
}
