package dev.dropdeploy.routing;

import dev.dropdeploy.RandomSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The shared secret Traefik sends when it polls the route table ({@code providers.http.headers} in traefik.yml). The
 * table names every app's container and carries the bcrypt hashes of password-protected apps, so nobody else may read
 * it: not an app, not a build, not a visitor who finds port 8080.
 */
@Component
class RoutingToken {

    private final byte[] expected;

    RoutingToken(RoutingAuthProperties properties) {
        String token = properties.token() != null && !properties.token().isBlank()
                ? properties.token().strip()
                : RandomSecrets.readOrCreate(
                        properties.tokenFile(), 32, Base64.getUrlEncoder().withoutPadding(), "routing token");
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time, so the token cannot be guessed a byte at a time. */
    boolean accepts(String authorization) {
        return authorization != null
                && MessageDigest.isEqual(expected, authorization.strip().getBytes(StandardCharsets.UTF_8));
    }
}
