package dev.dropdeploy.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request came from, for the sign-in throttle. {@code X-Forwarded-For} is anyone's to write, so it is
 * read only when the connection comes from a configured trusted proxy, and then only its last entry, the one that
 * proxy appended.
 */
final class ClientAddresses {

    private final Set<String> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).collect(Collectors.toUnmodifiableSet());
    }

    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? remote : last;
    }
}
