package dev.dropdeploy.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * THE rule for which files are secrets: they never enter a build context, at any depth, whatever {@code .dockerignore}
 * says and also with the project's own Dockerfile, because an image layer keeps them for anyone who gets the image.
 * Secrets reach an app only as environment values at run time. Change what counts here.
 */
final class SecretFiles {

    /** Kept: these show which variables an app needs, not their values. */
    private static final Set<String> TEMPLATE_SUFFIXES = Set.of(".example", ".sample", ".template", ".dist");

    private static final Set<String> CREDENTIALS = Set.of(".git-credentials", ".netrc", "_netrc");
    /** Cloud, cluster and container-registry logins, known by their folder and name. */
    private static final Set<String> CREDENTIAL_PATHS =
            Set.of(".aws/credentials", ".docker/config.json", ".kube/config", ".config/gcloud/credentials.db");

    private static final Set<String> KEY_STORES = Set.of(".p12", ".pfx", ".jks", ".keystore");
    private static final Set<String> SSH_KEYS = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519");
    /** Package-registry settings: harmless unless they hold a token or password, which is what we look for. */
    private static final Set<String> REGISTRY_SETTINGS =
            Set.of(".npmrc", ".yarnrc", ".yarnrc.yml", ".pypirc", "auth.json");

    private static final Pattern AUTH =
            Pattern.compile("_authToken|_auth\\b|npmAuthToken|password|http-basic|\"token\"");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final int READ_AT_MOST = 64 * 1024;

    private SecretFiles() {}

    /** @return why the file must stay out of images, in a word or two, or empty when it may go in */
    static Optional<String> reason(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".env") && TEMPLATE_SUFFIXES.stream().noneMatch(name::endsWith)) {
            return Optional.of("secrets");
        }
        if (CREDENTIALS.contains(name)) {
            return Optional.of("credentials");
        }
        if (SSH_KEYS.contains(name) || KEY_STORES.stream().anyMatch(name::endsWith)) {
            return Optional.of("private key");
        }
        String path = file.toString().replace('\\', '/');
        if (CREDENTIAL_PATHS.stream().anyMatch(known -> path.endsWith("/" + known) || path.equals(known))) {
            return Optional.of("credentials");
        }
        if (REGISTRY_SETTINGS.contains(name) && contains(file, AUTH)) {
            return Optional.of("auth token");
        }
        // A service-account JSON carries its key inline, so small JSON files are looked into too.
        if ((name.endsWith(".pem") || name.endsWith(".key") || name.endsWith(".json")) && contains(file, PRIVATE_KEY)) {
            return Optional.of("private key");
        }
        return Optional.empty();
    }

    /** Looks at the start only; a file we cannot read counts as a match: better left out than leaked. */
    private static boolean contains(Path file, Pattern pattern) {
        try (InputStream in = Files.newInputStream(file)) {
            return pattern.matcher(new String(in.readNBytes(READ_AT_MOST), StandardCharsets.ISO_8859_1))
                    .find();
        } catch (IOException e) {
            return true;
        }
    }
}
