package dev.dropdeploy.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sign-up as the installation's policy allows: the first account (the administrator), then open, by invite link
 * ({@code ?invite=<token>}) or closed, in which case the form is replaced by a plain refusal.
 */
@Route(value = "signup", autoLayout = false)
@PageTitle("Create an account · DropDeploy")
@AnonymousAllowed
class SignUpView extends VerticalLayout implements BeforeEnterObserver {

    private final Accounts accounts;
    private final TextField username = new TextField("User name");
    private final NewPassword newPassword = new NewPassword("Password", "signup");
    private final Button create = new Button("Create account", e -> submit());
    private String invite;

    private final VerticalLayout providerButtons;

    SignUpView(Accounts accounts, SignInProviders providers) {
        this.accounts = accounts;
        username.setId("signup-username");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("signup-submit");
        SignInPages.centre(this);
        providerButtons = ProviderButtons.of(providers.all(), "Sign up with");
        add(new H1("Create an account"), username, newPassword.password, newPassword.repeat, newPassword.problem);
        add(create, providerButtons);
        add(new Anchor("login", "Sign in"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        invite = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("invite")
                .orElse(null);
        if (invite != null) {
            // A sign-up through a provider leaves this page; the handler finds the invite in the session.
            ProviderButtons.note(ExternalSignInHandler.INVITE, invite);
        }
        Optional<String> refusal = accounts.refusalNow(invite != null);
        refusal.ifPresent(newPassword.problem::setText);
        Stream.of(username, newPassword.password, newPassword.repeat, create)
                .forEach(c -> c.setVisible(refusal.isEmpty()));
        providerButtons.setVisible(refusal.isEmpty() && providerButtons.getComponentCount() > 0);
    }

    private void submit() {
        newPassword.typed().ifPresent(this::signUp);
    }

    private void signUp(String password) {
        try {
            AccountUser user = accounts.signUp(username.getValue(), password, invite);
            Notification.show(
                    user.admin()
                            ? "Account created. You are the administrator: who else may sign up is yours to set"
                                    + " under Administration."
                            : "Account created.");
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (IllegalArgumentException | SignUpRefused e) {
            newPassword.problem.setText(e.getMessage());
        }
    }
}
