package dev.dropdeploy.runtime;

import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The one account of the installation's registry. The password is kept in a file (owner-only, backed up with the data
 * folder) rather than made anew at each start: every service carries the credentials its nodes pull with, so a new
 * password would strand the services created before it.
 */
record RegistryCredentials(String user, String password) {

    static final String USER = "dropdeploy";

    static RegistryCredentials readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return new RegistryCredentials(
                        USER, Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".registry-password", ".tmp");
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return new RegistryCredentials(USER, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the registry password file " + file, e);
        }
    }

    /** What the registry checks passwords against: bcrypt, the one scheme Distribution's htpasswd accepts. */
    String htpasswdLine() {
        return user + ":" + BCrypt.hashpw(password, BCrypt.gensalt());
    }

    AuthConfig auth(String registryAddress) {
        return new AuthConfig().withUsername(user).withPassword(password).withRegistryAddress(registryAddress);
    }

    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[user=" + user + "]"; // never the password, in a log or an exception
    }
}
