package dev.dropdeploy.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Turns a successful provider sign-in into a DropDeploy sign-in: the provider's principal is replaced by the account's
 * own, so the rest of the application sees one kind of signed-in user. What the browser asked for before leaving for
 * the provider (link to the signed-in account; an opened invite link) waits in its session, set only by this
 * application's own views.
 */
class ExternalSignInHandler implements AuthenticationSuccessHandler {

    static final String LINK_FOR = ExternalSignInHandler.class.getName() + ".linkFor";
    static final String INVITE = ExternalSignInHandler.class.getName() + ".invite";
    static final String REFUSAL = ExternalSignInHandler.class.getName() + ".refusal";
    /** What the provider may say about the person, best user name first. */
    private static final List<String> NAME_ATTRIBUTES = List.of("preferred_username", "login", "email", "name");

    private final ExternalSignIn signIn;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ExternalSignInHandler(ExternalSignIn signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        HttpSession session = request.getSession();
        UUID linkFor = take(session, LINK_FOR, UUID.class);
        String invite = take(session, INVITE, String.class);
        try {
            ExternalIdentity identity = identity((OAuth2AuthenticationToken) authentication);
            if (linkFor != null) {
                signInAs(signIn.link(linkFor, identity), request, response);
                response.sendRedirect(request.getContextPath() + "/account?linked");
            } else {
                signInAs(signIn.signIn(identity, invite), request, response);
                response.sendRedirect(request.getContextPath() + "/");
            }
        } catch (ExternalSignInRefused | SignUpRefused e) {
            refuse(linkFor, e.getMessage(), request, response);
        }
    }

    /** A refused link leaves the user signed in as before; a refused sign-in leaves nobody signed in. */
    private void refuse(UUID linkFor, String message, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        request.getSession().setAttribute(REFUSAL, message);
        if (linkFor != null) {
            try {
                signInAs(signIn.activeUser(linkFor), request, response);
                response.sendRedirect(request.getContextPath() + "/account?refused");
                return;
            } catch (ExternalSignInRefused disabled) {
                request.getSession().setAttribute(REFUSAL, disabled.getMessage());
            }
        }
        SecurityContext empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(empty);
        contexts.saveContext(empty, request, response);
        response.sendRedirect(request.getContextPath() + "/login?refused");
    }

    private void signInAs(AccountUser user, HttpServletRequest request, HttpServletResponse response) {
        SignedInUser principal = SignedInUser.external(user, clock.instant());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static ExternalIdentity identity(OAuth2AuthenticationToken token) {
        Map<String, Object> attributes = token.getPrincipal().getAttributes();
        List<String> suggestions = NAME_ATTRIBUTES.stream()
                .map(attributes::get)
                .map(value -> value instanceof String text ? text : null)
                .toList();
        String provider = token.getAuthorizedClientRegistrationId();
        return new ExternalIdentity(provider, token.getName(), ExternalNames.of(provider, suggestions));
    }

    private static <T> T take(HttpSession session, String name, Class<T> type) {
        Object value = session.getAttribute(name);
        session.removeAttribute(name);
        return type.isInstance(value) ? type.cast(value) : null;
    }
}
