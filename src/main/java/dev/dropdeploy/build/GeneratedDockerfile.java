package dev.dropdeploy.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Dockerfile written for a detected app, ready to build with the app folder as context.
 *
 * @param dockerfile the Dockerfile text, or {@code null} when the project's own Dockerfile is used as it is
 * @param dockerignore the {@code .dockerignore} text (VCS folders, dependencies, build output; secrets are
 *     left out by {@code SecretFiles} whatever it says), or
 *     {@code null} with the project's own Dockerfile
 * @param extraContextFiles files to add to the build context, keyed by their path inside the context (for example
 *     the extra CA certificates under {@code .dropdeploy/ca/}), never written into the user's workspace
 * @param notes plain-words remarks for the user ("no lockfile: versions are resolved at build time")
 */
public record GeneratedDockerfile(
        String dockerfile, String dockerignore, Map<String, Path> extraContextFiles, List<String> notes) {}
