package dev.dropdeploy.workspace.environment;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of a 32-byte AES key; when blank, {@code keyFile} is used (and created on first use)
 * @param keyFile where a generated key is kept, readable by its owner only. Rotation is not supported yet: changing
 *     or losing the key makes every stored value unreadable.
 */
@ConfigurationProperties("dropdeploy.secrets")
public record SecretsProperties(String key, Path keyFile) {}
