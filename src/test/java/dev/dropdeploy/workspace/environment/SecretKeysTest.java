package dev.dropdeploy.workspace.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

    @TempDir
    Path temp;

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceIntoAnOwnerOnlyFile() throws IOException {
        Path file = temp.resolve("data/secret.key");
        SecretsProperties properties = new SecretsProperties("", file);

        byte[] first = SecretKeys.load(properties).getEncoded();
        byte[] second = SecretKeys.load(properties).getEncoded();

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyWinsOverTheFile() {
        byte[] key = new byte[32];
        key[0] = 7;
        SecretsProperties properties =
                new SecretsProperties(Base64.getEncoder().encodeToString(key), temp.resolve("unused.key"));

        assertThat(SecretKeys.load(properties).getEncoded()).isEqualTo(key);
        assertThat(temp.resolve("unused.key")).doesNotExist();
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        SecretsProperties properties = new SecretsProperties(Base64.getEncoder().encodeToString(new byte[16]), null);

        assertThatThrownBy(() -> SecretKeys.load(properties)).hasMessageContaining("32 bytes");
    }
}
