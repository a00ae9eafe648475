package dev.dropdeploy.account;

import org.springframework.security.access.AccessDeniedException;

/** The check every administrative service method makes itself, whatever the view in front of it allows. */
final class Admins {

    private Admins() {}

    static AccountUser require(AccountUser user) {
        if (user == null || !user.admin()) {
            throw new AccessDeniedException("Only an administrator may do that");
        }
        return user;
    }
}
