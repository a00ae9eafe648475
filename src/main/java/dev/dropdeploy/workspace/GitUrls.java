package dev.dropdeploy.workspace;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which Git URLs may be imported. Only http(s), plus local paths when allowed: ssh needs keys we do not hold,
 * {@code git://} is unauthenticated and unencrypted, and {@code ext::} or other transport helpers run commands.
 */
final class GitUrls {

    private GitUrls() {}

    /** @return the URL to hand to JGit */
    static String check(String url, boolean allowLocal) {
        String trimmed = url == null ? "" : url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            URI.create(trimmed); // refuses spaces and other malformed URLs with a clear message below
            return trimmed;
        }
        if (allowLocal && lower.startsWith("file://")) {
            return trimmed;
        }
        if (allowLocal && trimmed.startsWith("/") && Files.isDirectory(Path.of(trimmed))) {
            return Path.of(trimmed).toUri().toString();
        }
        throw new WorkspaceException("Only https:// Git URLs can be imported (for example"
                + " https://github.com/owner/repo.git); \"" + trimmed + "\" is not one");
    }

    /** The URL without a user name or token, for messages and version history. */
    static String redacted(String url) {
        return url.replaceFirst("^(https?://)[^/@]*@", "$1");
    }
}
