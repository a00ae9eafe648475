package dev.dropdeploy.alerts;

import dev.dropdeploy.PrivateAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Vets webhook URLs, which tenants choose: http or https only, a host name, no credentials, and (unless the
 * installation allows private addresses) every address the name resolves to must be public. The check runs when the
 * URL is saved and again right before each delivery, whose connection goes to exactly the address vetted here, so a
 * name that resolves elsewhere later (DNS rebinding) cannot steer a delivery into the operator's network.
 */
final class WebhookAddresses {

    static final int MAX_LENGTH = 2000;

    /** Resolves a host name; a seam so tests can answer as a rebinding DNS server would. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    WebhookAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL, parsed, when its form is acceptable; nothing is resolved. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new WebhookUrlRefused("Give the webhook's URL, for example https://hooks.example.com/dropdeploy");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new WebhookUrlRefused("The URL is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new WebhookUrlRefused("Not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookUrlRefused("Webhooks are sent over http or https only, not \"" + scheme + "\"");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new WebhookUrlRefused("The URL names no host");
        }
        if (uri.getPort() > 65535) {
            throw new WebhookUrlRefused("The port " + uri.getPort() + " does not exist");
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookUrlRefused(
                    "Leave user names and passwords out of the URL; the signature proves the sender");
        }
        return uri;
    }

    /** The one address a delivery connects to: the first the name resolves to, once every one of them passed. */
    InetAddress vet(URI uri) {
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new WebhookUrlRefused("The host " + host + " cannot be resolved");
        }
        if (addresses.length == 0) {
            throw new WebhookUrlRefused("The host " + host + " cannot be resolved");
        }
        if (!allowPrivate) {
            Arrays.stream(addresses)
                    .filter(WebhookAddresses::isPrivate)
                    .findFirst()
                    .ifPresent(a -> {
                        throw new WebhookUrlRefused("The host " + host + " is at " + a.getHostAddress()
                                + ", a private, loopback or link-local address; webhooks go to public addresses only");
                    });
        }
        return addresses[0];
    }

    /** Addresses a public receiver never has (the shared rule). */
    static boolean isPrivate(InetAddress address) {
        return PrivateAddresses.isPrivate(address);
    }
}
