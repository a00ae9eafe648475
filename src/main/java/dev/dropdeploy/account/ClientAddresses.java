package dev.dropdeploy.account;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The address a request came from, for the sign-in throttle. {@code X-Forwarded-For} is anyone's to write, so it is
 * read only when the connection comes from a configured trusted proxy, and then only its last entry, the one that
 * proxy appended.
 *
 * <p>A trusted proxy is an address or a host name. Names are resolved at each look-up (the JVM caches answers for
 * 30 s), because in the production install Traefik's address is whatever Docker gave its container ({@code traefik}
 * on the compose network): without it every visitor would share Traefik's address, and 20 failed sign-ins from anyone
 * would pause sign-in for everyone.
 */
final class ClientAddresses {

    private final List<String> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(remote)) {
            return remote;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? remote : last;
    }

    private boolean trusted(String remote) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.equals(remote) || resolvesTo(proxy, remote));
    }

    private static boolean resolvesTo(String proxy, String remote) {
        if (isLiteral(proxy)) {
            return false;
        }
        try {
            return Arrays.stream(InetAddress.getAllByName(proxy))
                    .anyMatch(address -> address.getHostAddress().equals(remote));
        } catch (UnknownHostException e) {
            return false; // a proxy that is not there now is trusted for nothing
        }
    }

    /** An IPv4 or IPv6 literal: never looked up, so a typo cannot turn into a DNS query. */
    private static boolean isLiteral(String proxy) {
        return proxy.contains(":") || proxy.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
