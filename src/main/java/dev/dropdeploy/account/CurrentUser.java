package dev.dropdeploy.account;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of this request (a dashboard session or an API key). */
@Component
public class CurrentUser {

    public Optional<AccountUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.account());
        }
        return Optional.empty();
    }

    /** @throws NotSignedIn when nobody is signed in, which the security rules should have prevented */
    public AccountUser require() {
        return get().orElseThrow(NotSignedIn::new);
    }

    /** A request reached a service without a user; a security rule is missing. */
    public static final class NotSignedIn extends RuntimeException {
        NotSignedIn() {
            super("Not signed in");
        }
    }
}
