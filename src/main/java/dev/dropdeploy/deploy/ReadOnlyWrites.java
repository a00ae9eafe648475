package dev.dropdeploy.deploy;

import dev.dropdeploy.runtime.ContainerSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Apps that write beside their code (a session key file, a SQLite database, a cache folder) cannot start on a
 * read-only root filesystem. Rather than fail them, DropDeploy starts them once more with a writable root and says so:
 * the writable layer is still size-watched, and everything else in the hardening stays.
 */
final class ReadOnlyWrites {

    /** How each runtime reports a write refused by a read-only root (errno 30, EROFS). */
    private static final Pattern REFUSED_WRITE =
            Pattern.compile("(?i)read-only file system|\\bEROFS\\b|attempt to write a readonly database");

    private static final int LINE_LIMIT = 200;

    static final String NOTE = "The app writes files beside its code, which a read-only root filesystem refuses, so it"
            + " runs with a writable one. What it writes there is lost with every new version: keep data in /data"
            + " (attach a folder under Data) or in a database";

    private ReadOnlyWrites() {}

    /** Whether the log shows the app failing to write on its read-only root. */
    static boolean attempted(List<String> logs) {
        return logs.stream().anyMatch(line -> REFUSED_WRITE.matcher(line).find());
    }

    /** The first refused write, as the app reported it. */
    static String firstAttempt(List<String> logs) {
        String line = logs.stream()
                .filter(l -> REFUSED_WRITE.matcher(l).find())
                .findFirst()
                .orElse("")
                .strip();
        return line.length() <= LINE_LIMIT ? line : line.substring(0, LINE_LIMIT) + "…";
    }

    /** The same container with a writable root filesystem. */
    static ContainerSpec writable(ContainerSpec spec) {
        return new ContainerSpec(
                spec.projectSlug(),
                spec.version(),
                spec.deploymentId(),
                spec.image(),
                spec.port(),
                spec.env(),
                false,
                spec.limits(),
                spec.dataFolder(),
                spec.replicas());
    }
}
