package dev.dropdeploy.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Every user, with disable and enable; the administrator's own row has no button. */
class UsersPanel extends VerticalLayout {

    private final UserAdministration users;
    private final AccountUser admin;
    private final Grid<UserSummary> grid = new Grid<>();

    UsersPanel(UserAdministration users, AccountUser admin) {
        this.users = users;
        this.admin = admin;
        setPadding(false);
        grid.setId("users");
        grid.addColumn(UserSummary::username).setHeader("Name");
        grid.addColumn(u -> u.admin() ? "administrator" : "").setHeader("Role");
        grid.addColumn(UserSummary::createdAt).setHeader("Created");
        grid.addColumn(u -> u.disabled() ? "disabled " + u.disabledAt() : "active")
                .setHeader("Status");
        grid.addComponentColumn(this::action);
        grid.setAllRowsVisible(true);
        add(new H3("Users"), grid);
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
