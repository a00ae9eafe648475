package dev.dropdeploy.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Spring Security's form login behind Vaadin's login form; the form posts to {@code /login}. A throttled attempt comes
 * back with {@code ?throttled}, a failed one with {@code ?error}; neither says whether the account exists. Below it, a
 * link per configured identity provider; a provider sign-in the policy refused comes back with {@code ?refused}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · DropDeploy")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph refusal = new Paragraph();

    LoginView(Accounts accounts, SignInProviders providers) {
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        SignInPages.centre(this);
        refusal.setId("login-problem");
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        refusal.setVisible(false);
        add(new H1("DropDeploy"), refusal, form, ProviderButtons.of(providers.all(), "Sign in with"));
        if (accounts.refusalNow(false).isEmpty()) {
            add(new Anchor("signup", "Create an account"));
        }
        if (accounts.noneYet()) {
            add(new Span("No account yet: the first one becomes the administrator."));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean throttled = parameters.containsKey(LoginThrottleFilter.REFUSED);
        if (throttled) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage().setMessage("Sign-in is paused for a while. Wait a few minutes, then try again.");
            form.setI18n(i18n);
        }
        form.setError(throttled || parameters.containsKey("error"));
        if (parameters.containsKey("refused")) {
            String message = ProviderButtons.takeNote(ExternalSignInHandler.REFUSAL);
            refusal.setText(message == null ? "The sign-in was refused" : message);
            refusal.setVisible(true);
        }
    }
}
