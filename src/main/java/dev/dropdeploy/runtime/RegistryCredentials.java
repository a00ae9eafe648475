package dev.dropdeploy.runtime;

import com.github.dockerjava.api.model.AuthConfig;
import dev.dropdeploy.RandomSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        return new RegistryCredentials(
                USER,
                RandomSecrets.readOrCreate(file, 24, Base64.getUrlEncoder().withoutPadding(), "registry password"));
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
