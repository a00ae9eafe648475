package dev.dropdeploy.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.stream.Stream;

/** Where a password reset link ({@code ?token=<token>}) leads: a new password, or why the link no longer works. */
@Route(value = "reset-password", autoLayout = false)
@PageTitle("New password · DropDeploy")
@AnonymousAllowed
class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver {

    private final PasswordResets resets;
    private final NewPassword newPassword = new NewPassword("New password", "reset");
    private final Button save = new Button("Set password", e -> submit());
    private String token;

    ResetPasswordView(PasswordResets resets) {
        this.resets = resets;
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("reset-submit");
        SignInPages.centre(this);
        add(new H1("Set a new password"), newPassword.password, newPassword.repeat, newPassword.problem, save);
        add(new Anchor("login", "Sign in"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse(null);
        boolean usable = resets.usable(token);
        newPassword.problem.setText(usable ? "" : PasswordResets.UNUSABLE);
        Stream.of(newPassword.password, newPassword.repeat, save).forEach(c -> c.setVisible(usable));
    }

    private void submit() {
        newPassword.typed().ifPresent(this::reset);
    }

    private void reset(String password) {
        try {
            resets.reset(token, password);
            Notification.show("Password set. Sign in with it; other sessions of this account have ended.");
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (IllegalArgumentException e) {
            newPassword.problem.setText(e.getMessage());
        }
    }
}
