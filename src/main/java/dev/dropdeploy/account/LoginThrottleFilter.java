package dev.dropdeploy.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a login form post while its account name or client address cools off, before the password is checked:
 * a right password then proves nothing, and no bcrypt work is spent on a flood. Not a bean (see {@link ApiKeyFilter}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String REFUSED = "throttled";

    private static final RequestMatcher LOGIN_POST =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final LoginThrottle throttle;
    private final ClientAddresses addresses;

    LoginThrottleFilter(LoginThrottle throttle, ClientAddresses addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LOGIN_POST.matches(request) && throttle.refuses(request.getParameter("username"), addresses.of(request))) {
            response.sendRedirect(request.getContextPath() + "/login?" + REFUSED);
            return;
        }
        chain.doFilter(request, response);
    }
}
