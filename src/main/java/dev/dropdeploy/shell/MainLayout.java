package dev.dropdeploy.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.alerts.OwnerAlerted;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every page: title bar with the signed-in user and logout, the navigation drawer, and toasts for
 * the signed-in owner's failed deployments and crashed apps (pushed into every page of theirs that is open).
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    private final OwnerToasts toasts;
    private final CurrentUser currentUser;
    private Runnable unregister = () -> {};

    MainLayout(AuthenticationContext authentication, OwnerToasts toasts, CurrentUser currentUser) {
        this.toasts = toasts;
        this.currentUser = currentUser;
        H1 title = new H1("DropDeploy");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Button logout = new Button("Log out", e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        HorizontalLayout user =
                new HorizontalLayout(new Span(authentication.getPrincipalName().orElse("")), logout);
        user.setAlignItems(HorizontalLayout.Alignment.CENTER);
        user.getStyle().set("margin-left", "auto").set("padding-right", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), title, user);

        SideNav nav = new SideNav();
        // By path, not by class: the chat's views are its internals.
        nav.addItem(new SideNavItem("New app", "new", VaadinIcon.PLUS.create()));
        nav.addItem(new SideNavItem("Projects", ProjectsView.class, VaadinIcon.ROCKET.create()));
        nav.addItem(new SideNavItem("Dashboard", DashboardView.class, VaadinIcon.CHART.create()));
        nav.addItem(new SideNavItem("Paste or upload", ImportView.class, VaadinIcon.UPLOAD.create()));
        nav.addItem(new SideNavItem("API keys", "api-keys", VaadinIcon.KEY.create()));
        nav.addItem(new SideNavItem("Account", "account", VaadinIcon.USER.create()));
        nav.addItem(new SideNavItem("Settings", SettingsView.class, VaadinIcon.COG.create()));
        if (authentication.hasRole("ADMIN")) {
            nav.addItem(new SideNavItem("Administration", "admin", VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem("Nodes", "admin/nodes", VaadinIcon.SERVER.create()));
        }
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        currentUser
                .get()
                .ifPresent(user -> unregister = toasts.register(user.id(), alert -> ui.access(() -> toast(alert))));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unregister.run();
        unregister = () -> {};
    }

    private static void toast(OwnerAlerted alert) {
        Notification notification = Notification.show(alert.message(), 10_000, Notification.Position.TOP_END);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.addClassName("alert-toast");
    }
}
