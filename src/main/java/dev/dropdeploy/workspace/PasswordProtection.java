package dev.dropdeploy.workspace;

import dev.dropdeploy.account.AccountUser;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Optional HTTP basic auth in front of a project's app. Only a bcrypt hash of the password is kept. */
@Service
public class PasswordProtection {

    /** Traefik's htpasswd format separates user and hash with a colon; keep user names plain. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final Projects projects;
    private final ProjectRepository repository;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    PasswordProtection(Projects projects, ProjectRepository repository) {
        this.projects = projects;
        this.repository = repository;
    }

    /** @throws IllegalArgumentException for an unusable user name or a password under 8 characters */
    @Transactional
    public void protect(AccountUser user, UUID projectId, String username, String password) {
        if (username == null || !USER.matcher(username).matches()) {
            throw new IllegalArgumentException("The user name may use letters, digits and . _ @ - only");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("Use a password of at least 8 characters");
        }
        project(user, projectId).protect(username, encoder.encode(password));
    }

    @Transactional
    public void unprotect(AccountUser user, UUID projectId) {
        project(user, projectId).unprotect();
    }

    /** For routing: {@code user:bcrypt-hash} when the project is protected. Never expose it to people. */
    @Transactional(readOnly = true)
    public Optional<String> htpasswd(UUID projectId) {
        return repository.findById(projectId).flatMap(Project::htpasswd);
    }

    private Project project(AccountUser user, UUID projectId) {
        projects.owned(user, projectId);
        return repository.findById(projectId).orElseThrow();
    }
}
