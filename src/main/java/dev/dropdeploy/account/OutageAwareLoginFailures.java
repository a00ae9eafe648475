package dev.dropdeploy.account;

import dev.dropdeploy.DatabaseOutages;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A sign-in that failed because PostgreSQL is down is not a wrong password: it is thrown on, so the
 * {@code DatabaseUnavailable} filter answers 503 "temporarily unavailable" instead of the login page's "incorrect
 * name or password". Every other failure goes back to the login view with {@code ?error}, as before.
 */
final class OutageAwareLoginFailures implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler wrongCredentials =
            new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (DatabaseOutages.isOutage(exception)) {
            throw exception;
        }
        wrongCredentials.onAuthenticationFailure(request, response, exception);
    }
}
