package dev.dropdeploy.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up and the users behind logins. The first user to sign up becomes the administrator. */
@Service
public class Accounts implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{2,99}");

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Accounts(UserRepository users, PasswordEncoder passwords, JdbcTemplate jdbc, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates a user with a bcrypt-hashed password.
     *
     * @throws IllegalArgumentException when the name is taken or malformed, or the password too short
     */
    @Transactional
    public AccountUser signUp(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "A user name has 3 to 100 letters, digits or . _ @ + - and starts with a letter or digit");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        // Two first sign-ups at once must not both become admin: the count and the insert happen under one lock.
        jdbc.execute("lock table app_user in share row exclusive mode");
        if (users.existsByUsername(name)) {
            throw new IllegalArgumentException("The user name " + name + " is taken");
        }
        boolean first = users.count() == 0;
        return users.save(new UserAccount(name, passwords.encode(password), first, clock.instant()))
                .toUser();
    }

    @Transactional(readOnly = true)
    public boolean noneYet() {
        return users.count() == 0;
    }

    @Transactional(readOnly = true)
    public Optional<AccountUser> find(UUID id) {
        return users.findById(id).map(UserAccount::toUser);
    }

    /** For the login form. */
    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                .map(u -> new SignedInUser(u.toUser(), u.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
