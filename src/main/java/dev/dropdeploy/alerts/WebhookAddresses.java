package dev.dropdeploy.alerts;

import java.net.Inet4Address;
import java.net.Inet6Address;
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

    /** Addresses a public receiver never has: this machine, the local networks, and ranges reserved for others. */
    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPrivateV4(b);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
            boolean siteLocalOld = (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0; // fec0::/10
            return uniqueLocal || siteLocalOld || embedsPrivateV4(b);
        }
        return true;
    }

    private static boolean isPrivateV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || first == 127
                || first >= 224 // multicast, reserved, broadcast
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)); // benchmarking
    }

    /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms carry an IPv4 address that must pass too. */
    private static boolean embedsPrivateV4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 12; i++) {
            zeros &= b[i] == 0;
        }
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (!zeros && !nat64) {
            return false;
        }
        byte[] v4 = Arrays.copyOfRange(b, 12, 16);
        try {
            InetAddress embedded = InetAddress.getByAddress(v4);
            return embedded.isLoopbackAddress()
                    || embedded.isSiteLocalAddress()
                    || embedded.isLinkLocalAddress()
                    || isPrivateV4(v4);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
