package dev.dropdeploy.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to users: list, disable, enable. A disabled user can no longer sign in, their API keys
 * stop at the next request ({@link ApiKeys#authenticate}) and an open session ends ({@link ActiveUserFilter}).
 */
@Service
class UserAdministration {

    private final UserRepository users;
    private final Clock clock;

    UserAdministration(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<UserSummary> list(AccountUser admin) {
        Admins.require(admin);
        return users.findAllByOrderByCreatedAt().stream()
                .map(UserAccount::summary)
                .toList();
    }

    /** @throws IllegalArgumentException when the administrator names themselves: nobody would be left to undo it */
    @Transactional
    void disable(AccountUser admin, UUID userId) {
        Admins.require(admin);
        if (admin.id().equals(userId)) {
            throw new IllegalArgumentException("You cannot disable your own account");
        }
        users.findById(userId).ifPresent(u -> u.disable(clock.instant()));
    }

    @Transactional
    void enable(AccountUser admin, UUID userId) {
        Admins.require(admin);
        users.findById(userId).ifPresent(UserAccount::enable);
    }
}
