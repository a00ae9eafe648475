package dev.dropdeploy.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
                : readOrCreate(properties.tokenFile());
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time, so the token cannot be guessed a byte at a time. */
    boolean accepts(String authorization) {
        return authorization != null
                && MessageDigest.isEqual(expected, authorization.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".routing-token", ".tmp");
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the routing token file " + file, e);
        }
    }
}
