package dev.dropdeploy.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;

/**
 * Every user, with disable and enable (not on the administrator's own row) and a one-time password reset link, shown
 * once for the administrator to hand over.
 */
class UsersPanel extends VerticalLayout {

    private final UserAdministration users;
    private final AccountUser admin;
    private final PasswordResets resets;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField shown = new TextField();

    UsersPanel(UserAdministration users, PasswordResets resets, AccountUser admin) {
        this.users = users;
        this.resets = resets;
        this.admin = admin;
        setPadding(false);
        shown.setId("new-reset-link");
        shown.setReadOnly(true);
        shown.setVisible(false);
        shown.setWidthFull();
        grid.setId("users");
        grid.addColumn(UserSummary::username).setHeader("Name");
        grid.addColumn(u -> u.admin() ? "administrator" : "").setHeader("Role");
        grid.addColumn(UserSummary::createdAt).setHeader("Created");
        grid.addColumn(u -> u.disabled() ? "disabled " + u.disabledAt() : "active")
                .setHeader("Status");
        grid.addComponentColumn(this::action);
        grid.addComponentColumn(this::resetButton);
        grid.setAllRowsVisible(true);
        add(new H3("Users"), grid, shown);
        refresh();
    }

    private Component action(UserSummary user) {
        if (user.id().equals(admin.id())) {
            return new Span("you");
        }
        Button button = user.disabled()
                ? new Button("Enable", e -> act(() -> users.enable(admin, user.id())))
                : new Button("Disable", e -> act(() -> users.disable(admin, user.id())));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        if (!user.disabled()) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }

    private Button resetButton(UserSummary user) {
        Button button = new Button("Password reset link", e -> showResetLink(user));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void showResetLink(UserSummary user) {
        NewPasswordReset reset = resets.create(admin, user.id());
        // The browser knows the address people reach this installation by; the server may sit behind a proxy.
        getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(page -> {
            shown.setLabel("Password reset link for " + user.username() + ", usable once until " + reset.expiresAt()
                    + " (copy it now: it is not shown again)");
            shown.setValue(URI.create(page.toString())
                    .resolve("reset-password?token=" + reset.token())
                    .toString());
            shown.setVisible(true);
        }));
    }

    private void act(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list(admin));
    }
}
