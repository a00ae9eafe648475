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
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("New password again");
    private final Paragraph problem = new Paragraph();
    private final Button save = new Button("Set password", e -> submit());
    private String token;

    ResetPasswordView(PasswordResets resets) {
        this.resets = resets;
        password.setId("reset-password");
        repeat.setId("reset-repeat");
        password.setHelperText("At least " + Accounts.MIN_PASSWORD_LENGTH + " characters");
        problem.setId("reset-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("reset-submit");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(new H1("Set a new password"), password, repeat, problem, save, new Anchor("login", "Sign in"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("token")
                .orElse(null);
        boolean usable = resets.usable(token);
        problem.setText(usable ? "" : PasswordResets.UNUSABLE);
        Stream.of(password, repeat, save).forEach(c -> c.setVisible(usable));
    }

    private void submit() {
        if (!password.getValue().equals(repeat.getValue())) {
            problem.setText("The two passwords differ");
            return;
        }
        try {
            resets.reset(token, password.getValue());
            Notification.show("Password set. Sign in with it; other sessions of this account have ended.");
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }
}
