package dev.dropdeploy.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
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
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField repeat = new PasswordField("Password again");
    private final Paragraph problem = new Paragraph();
    private final Button create = new Button("Create account", e -> submit());
    private String invite;

    private final VerticalLayout providerButtons;

    SignUpView(Accounts accounts, SignInProviders providers) {
        this.accounts = accounts;
        username.setId("signup-username");
        password.setId("signup-password");
        repeat.setId("signup-repeat");
        password.setHelperText("At least " + Accounts.MIN_PASSWORD_LENGTH + " characters");
        problem.setId("signup-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("signup-submit");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        providerButtons = ProviderButtons.of(providers.all(), "Sign up with");
        add(new H1("Create an account"), username, password, repeat, problem, create, providerButtons);
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
        refusal.ifPresent(problem::setText);
        Stream.of(username, password, repeat, create).forEach(c -> c.setVisible(refusal.isEmpty()));
        providerButtons.setVisible(refusal.isEmpty() && providerButtons.getComponentCount() > 0);
    }

    private void submit() {
        if (!password.getValue().equals(repeat.getValue())) {
            problem.setText("The two passwords differ");
            return;
        }
        try {
            AccountUser user = accounts.signUp(username.getValue(), password.getValue(), invite);
            Notification.show(
                    user.admin()
                            ? "Account created. You are the administrator: who else may sign up is yours to set"
                                    + " under Administration."
                            : "Account created.");
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (IllegalArgumentException | SignUpRefused e) {
            problem.setText(e.getMessage());
        }
    }
}
