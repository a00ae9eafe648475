package dev.dropdeploy.workspace;

import dev.dropdeploy.PrivateAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
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

    /** Resolves a host name; a seam so tests can answer as any DNS server would. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Refuses an http(s) URL whose host is this machine or a local network (Traefik's API, the dashboard, a cloud's
     * metadata service): DropDeploy itself reads the repository, from outside any app's firewall. A name that does not
     * resolve is left to the clone, which says so.
     */
    static void refusePrivateHost(String url, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new WorkspaceException("\"" + redacted(url) + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return; // file:// and local paths: allowed only where local imports are
        }
        // Not URI.getHost(): it gives null for a name with an underscore, which JGit connects to all the same.
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        if (host.isEmpty()) {
            throw new WorkspaceException("\"" + redacted(url) + "\" names no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return;
        }
        for (InetAddress address : addresses) {
            if (PrivateAddresses.isPrivate(address)) {
                throw new WorkspaceException("Git repositories are read from public addresses only: " + host + " is at "
                        + address.getHostAddress() + ", a private, loopback or link-local address");
            }
        }
    }

    /** The URL without a user name or token, for messages and version history. */
    static String redacted(String url) {
        return url.replaceFirst("^(https?://)[^/@]*@", "$1");
    }
}
