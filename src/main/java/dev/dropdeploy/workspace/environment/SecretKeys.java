package dev.dropdeploy.workspace.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Finds the secrets key: the configured one, else the one in the key file, else a new one written there once. */
final class SecretKeys {

    private SecretKeys() {}

    static SecretKey load(SecretsProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return aes(Base64.getDecoder().decode(properties.key().trim()));
        }
        if (properties.keyFile() == null) {
            throw new IllegalStateException("Set dropdeploy.secrets.key (DROPDEPLOY_SECRET_KEY) or a key file");
        }
        return fromFile(properties.keyFile());
    }

    static SecretKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return aes(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            // Created with owner-only permissions from the start, so the key is never readable by others.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    }

    private static SecretKey aes(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalStateException("The secrets key must be base64 of 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
