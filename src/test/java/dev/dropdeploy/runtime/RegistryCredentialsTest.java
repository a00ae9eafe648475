package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

class RegistryCredentialsTest {

    @TempDir
    Path folder;

    @Test
    void thePasswordIsMadeOnceKeptOwnerOnlyAndReadAgainOnTheNextStart() throws Exception {
        Path file = folder.resolve("data/registry.password");

        RegistryCredentials first = RegistryCredentials.readOrCreate(file);
        RegistryCredentials again = RegistryCredentials.readOrCreate(file);

        assertThat(again).isEqualTo(first);
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void theRegistryGetsABcryptHashNeverThePassword() {
        RegistryCredentials credentials = new RegistryCredentials("dropdeploy", "s3cret-pass");

        String line = credentials.htpasswdLine();

        assertThat(line).startsWith("dropdeploy:$2").doesNotContain("s3cret-pass");
        assertThat(BCrypt.checkpw("s3cret-pass", line.substring(line.indexOf(':') + 1)))
                .isTrue();
        assertThat(credentials.toString()).doesNotContain("s3cret-pass");
        assertThat(credentials.auth("10.0.0.5:5000").getRegistryAddress()).isEqualTo("10.0.0.5:5000");
    }
}
