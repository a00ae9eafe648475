package dev.dropdeploy.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user an administrator disabled, or one begun before the user's password was reset, at their
 * next request rather than when the session times out.
 * One primary-key lookup per signed-in request; cheap next to what a Vaadin request does anyway. Not a bean, like
 * {@link ApiKeyFilter}: it belongs to the filter chains that use it.
 */
class ActiveUserFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    ActiveUserFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
                && auth.getPrincipal() instanceof SignedInUser user
                && !accounts.admits(user.account().id(), user.signedInAt())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
