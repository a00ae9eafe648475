package dev.dropdeploy.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by a one-time link an administrator makes and hands over. Using it sets the password and ends the
 * user's sessions begun before; an unknown, expired or used link is refused without saying which.
 */
@Service
class PasswordResets {

    static final String UNUSABLE =
            "This reset link is unknown, expired or already used; ask the administrator for a new one";

    private final PasswordResetRepository resets;
    private final UserRepository users;
    private final Accounts accounts;
    private final AccountProperties properties;
    private final Clock clock;

    PasswordResets(
            PasswordResetRepository resets,
            UserRepository users,
            Accounts accounts,
            AccountProperties properties,
            Clock clock) {
        this.resets = resets;
        this.users = users;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    NewPasswordReset create(AccountUser admin, UUID userId) {
        Admins.require(admin);
        if (!users.existsById(userId)) {
            throw new IllegalArgumentException("No such user");
        }
        String token = KeyMaterial.newResetToken();
        PasswordReset saved = resets.save(
                new PasswordReset(userId, admin.id(), token, clock.instant(), properties.passwordResetValidity()));
        return new NewPasswordReset(token, saved.expiresAt());
    }

    /** Whether the link can still be used; the page offers the form only then. */
    @Transactional(readOnly = true)
    boolean usable(String token) {
        return find(token).filter(r -> r.usable(clock.instant())).isPresent();
    }

    /**
     * Sets the new password and uses the link up, together: a password that is refused leaves the link usable.
     *
     * @throws IllegalArgumentException when the link cannot be used or the password is too short
     */
    @Transactional
    void reset(String token, String newPassword) {
        PasswordReset reset = find(token).orElseThrow(() -> new IllegalArgumentException(UNUSABLE));
        if (resets.useUp(reset.id(), clock.instant()) != 1) {
            throw new IllegalArgumentException(UNUSABLE);
        }
        accounts.changePassword(reset.userId(), newPassword);
    }

    private Optional<PasswordReset> find(String token) {
        return KeyMaterial.looksLikeResetToken(token) ? resets.findByHash(KeyMaterial.hash(token)) : Optional.empty();
    }
}
