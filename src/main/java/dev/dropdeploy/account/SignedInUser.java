package dev.dropdeploy.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal in the security context for both ways of signing in (password and API key). {@code enabled} is false
 * for a disabled user, which makes Spring Security refuse the password sign-in.
 */
record SignedInUser(AccountUser account, String passwordHash, boolean enabled) implements UserDetails {

    /** Signed in by other means than a password (an API key, already checked). */
    static SignedInUser withoutPassword(AccountUser account) {
        return new SignedInUser(account, "", true);
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
