package dev.dropdeploy.workspace.environment;

import org.springframework.stereotype.Component;

/**
 * Seals and opens single values with the installation's secrets key (AES-256-GCM, as environment variables are
 * stored), for secrets that must never reach an app container: a Git connection's token and webhook secret.
 */
@Component
public class SealedValues {

    private final SecretsProperties properties;
    private volatile SecretBox box;

    SealedValues(SecretsProperties properties) {
        this.properties = properties;
    }

    public String seal(String plaintext) {
        return box().encrypt(plaintext);
    }

    /** @throws IllegalStateException when the text was changed or sealed with another key */
    public String open(String sealed) {
        return box().decrypt(sealed);
    }

    /** Loaded on first use, so an installation without secrets never needs a key. */
    private SecretBox box() {
        SecretBox current = box;
        if (current == null) {
            synchronized (this) {
                if (box == null) {
                    box = new SecretBox(SecretKeys.load(properties));
                }
                current = box;
            }
        }
        return current;
    }
}
