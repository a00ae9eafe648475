package dev.dropdeploy.account;

import dev.dropdeploy.DatabaseOutages;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing at the login form, per account name and per client address. Names are counted whether
 * or not such an account exists, and a refusal reads the same either way, so the throttle reveals no accounts. Kept in
 * memory: a restart forgets it, which only helps someone able to restart the server.
 */
@Component
class LoginThrottle {

    private static final int MAX_NAME_LENGTH = 100;

    private final FailureCounter accounts;
    private final FailureCounter addresses;
    private final Clock clock;

    LoginThrottle(AccountProperties properties, Clock clock) {
        AccountProperties.Throttle t = properties.throttle();
        this.accounts = new FailureCounter(t.accountFailures(), t.window(), t.coolOff(), t.maxTracked());
        this.addresses = new FailureCounter(t.addressFailures(), t.window(), t.coolOff(), t.maxTracked());
        this.clock = clock;
    }

    boolean refuses(String account, String address) {
        return accounts.blocked(key(account), clock.instant()) || addresses.blocked(address, clock.instant());
    }

    void failed(String account, String address) {
        accounts.failed(key(account), clock.instant());
        addresses.failed(address, clock.instant());
    }

    /** Only the account's count: a success must not let one valid account wipe out an address's failures. */
    void succeeded(String account) {
        accounts.forget(key(account));
    }

    /** A sign-in the database could not check (it was down) is nobody's failed guess, so it counts against no one. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (DatabaseOutages.isOutage(event.getException())) {
            return;
        }
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failed(event.getAuthentication().getName(), details.getRemoteAddress());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    /** As {@link Accounts} reads names; cut short so a long made-up name costs no more memory than a real one. */
    private static String key(String account) {
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }
}
