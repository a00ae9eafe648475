package dev.dropdeploy.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets the dashboard's own links (the build log download) reach GET endpoints of the API with the browser session.
 * Only safe methods: the API chain has no CSRF protection, so a cookie must never authorise a change.
 */
class ReadOnlySessionContext implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return safe(request) ? session.loadDeferredContext(request) : new Empty();
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(
            org.springframework.security.web.context.HttpRequestResponseHolder requestResponseHolder) {
        return loadDeferredContext(requestResponseHolder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // Never written: API requests stay stateless.
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return safe(request) && session.containsContext(request);
    }

    private record Empty() implements DeferredSecurityContext {
        @Override
        public SecurityContext get() {
            return SecurityContextHolder.createEmptyContext();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }

    private static boolean safe(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
