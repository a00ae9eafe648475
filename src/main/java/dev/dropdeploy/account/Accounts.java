package dev.dropdeploy.account;

import dev.dropdeploy.account.SignUpPolicy.Admission;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up and the users behind logins. The first account becomes the administrator; after it, the installation's
 * {@link SignUpPolicy} decides (closed unless configured or changed by the administrator).
 */
@Service
public class Accounts implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 8;
    static final String INVITE_UNUSABLE =
            "This invite link is unknown, expired, revoked or already used; ask the administrator for a new one";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{2,99}");

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final JdbcTemplate jdbc;
    private final SignUpPolicies policies;
    private final Invites invites;
    private final Clock clock;

    Accounts(
            UserRepository users,
            PasswordEncoder passwords,
            JdbcTemplate jdbc,
            SignUpPolicies policies,
            Invites invites,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.policies = policies;
        this.invites = invites;
        this.clock = clock;
    }

    /** A sign-up without an invite. */
    @Transactional
    public AccountUser signUp(String username, String password) {
        return signUp(username, password, null);
    }

    /**
     * Creates a user with a bcrypt-hashed password, if the sign-up policy admits them.
     *
     * @param invite the token of an invite link, or {@code null}
     * @throws SignUpRefused when the policy turns the sign-up down or the invite cannot be used
     * @throws IllegalArgumentException when the name is taken or malformed, or the password too short
     */
    @Transactional
    public AccountUser signUp(String username, String password, String invite) {
        String name = checkedName(username);
        checkPassword(password);
        return create(
                invite,
                () -> {
                    if (users.existsByUsername(name)) {
                        throw new IllegalArgumentException("The user name " + name + " is taken");
                    }
                    return name;
                },
                passwords.encode(password));
    }

    /**
     * Creates a user without a password for a first sign-in through an identity provider, under the same policy. The
     * name is the first free one among the provider's suggestions.
     */
    @Transactional
    AccountUser signUpExternal(ExternalNames names, String invite) {
        return create(invite, () -> names.firstFree(users::existsByUsername), null);
    }

    private AccountUser create(String invite, Supplier<String> freeName, String passwordHash) {
        // Two sign-ups at once must not both count as the first (both admins, or both past a closed policy), nor take
        // the same name: counting, deciding, naming and inserting happen under one lock, held until commit.
        jdbc.execute("lock table app_user in share row exclusive mode");
        boolean first = users.count() == 0;
        SignUpPolicy policy = policies.current();
        Admission admission = policy.admit(first, invite != null && !invite.isBlank());
        if (admission == Admission.REFUSED) {
            throw new SignUpRefused(policy.refusal());
        }
        UserAccount saved = users.saveAndFlush(new UserAccount(freeName.get(), passwordHash, first, clock.instant()));
        if (admission == Admission.MEMBER_BY_INVITE && !invites.useUp(invite, saved.id())) {
            throw new SignUpRefused(INVITE_UNUSABLE); // rolls the new user back
        }
        if (first) {
            policies.storeInitial();
        }
        return saved.toUser();
    }

    /** Sets a new password; sessions signed in before it end at their next request. */
    @Transactional(propagation = Propagation.MANDATORY)
    void changePassword(UUID userId, String newPassword) {
        checkPassword(newPassword);
        users.findById(userId)
                .orElseThrow(() -> new IllegalArgumentException("This account no longer exists"))
                .changePassword(passwords.encode(newPassword), clock.instant());
    }

    /** Why a sign-up would be refused right now, if it would; the views offer the form only where it can succeed. */
    @Transactional(readOnly = true)
    Optional<String> refusalNow(boolean carriesInvite) {
        SignUpPolicy policy = policies.current();
        return policy.admit(users.count() == 0, carriesInvite) == Admission.REFUSED
                ? Optional.of(policy.refusal())
                : Optional.empty();
    }

    @Transactional(readOnly = true)
    public boolean noneYet() {
        return users.count() == 0;
    }

    @Transactional(readOnly = true)
    public Optional<AccountUser> find(UUID id) {
        return users.findById(id).map(UserAccount::toUser);
    }

    /** False for a disabled or deleted user. */
    @Transactional(readOnly = true)
    public boolean active(UUID id) {
        return users.existsByIdAndDisabledAtIsNull(id);
    }

    /** False for a disabled or deleted user, and for a session begun before the user's password was reset. */
    @Transactional(readOnly = true)
    boolean admits(UUID id, Instant signedInAt) {
        return users.findById(id).map(u -> u.admits(signedInAt)).orElse(false);
    }

    /** For the login form; a disabled user is found but not enabled, so Spring Security refuses the sign-in. */
    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username.strip().toLowerCase(Locale.ROOT))
                .map(u -> new SignedInUser(u.toUser(), u.passwordHash(), u.active(), clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    private static String checkedName(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "A user name has 3 to 100 letters, digits or . _ @ + - and starts with a letter or digit");
        }
        return name;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
