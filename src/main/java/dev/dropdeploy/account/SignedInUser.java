package dev.dropdeploy.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal in the security context for every way of signing in (password, identity provider, API key).
 * {@code enabled} is false for a disabled user, which makes Spring Security refuse the password sign-in.
 * {@code signedInAt} dates a session, so a password reset can end the sessions begun before it; {@code null} for an API
 * key, which proves itself on every request.
 */
record SignedInUser(AccountUser account, String passwordHash, boolean enabled, Instant signedInAt)
        implements UserDetails {

    /** Signed in by other means than a password (an API key, already checked). */
    static SignedInUser withoutPassword(AccountUser account) {
        return new SignedInUser(account, "", true, null);
    }

    /** Signed in through an identity provider, whose answer was already checked. */
    static SignedInUser external(AccountUser account, Instant now) {
        return new SignedInUser(account, "", true, now);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.admin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
