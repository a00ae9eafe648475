package dev.dropdeploy.workspace.environment;

import dev.dropdeploy.RandomSecrets;
import java.nio.file.Path;
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
        return aes(
                Base64.getDecoder().decode(RandomSecrets.readOrCreate(file, 32, Base64.getEncoder(), "secrets key")));
    }

    private static SecretKey aes(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalStateException("The secrets key must be base64 of 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
