package dev.dropdeploy.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame around every page: title bar with the signed-in user and logout, and the navigation drawer. */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication) {
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
        nav.addItem(new SideNavItem("Paste or upload", ImportView.class, VaadinIcon.UPLOAD.create()));
        nav.addItem(new SideNavItem("API keys", "api-keys", VaadinIcon.KEY.create()));
        nav.addItem(new SideNavItem("Account", "account", VaadinIcon.USER.create()));
        nav.addItem(new SideNavItem("Settings", SettingsView.class, VaadinIcon.COG.create()));
        if (authentication.hasRole("ADMIN")) {
            nav.addItem(new SideNavItem("Administration", "admin", VaadinIcon.USERS.create()));
        }
        addToDrawer(nav);
    }
}
