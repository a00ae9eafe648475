package dev.dropdeploy.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;

/** The frame around every page: title bar and the navigation drawer. */
@Layout
class MainLayout extends AppLayout {

    MainLayout() {
        H1 title = new H1("DropDeploy");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        addToNavbar(new DrawerToggle(), title);

        SideNav nav = new SideNav();
        // By path, not by class: the chat's views are its internals.
        nav.addItem(new SideNavItem("New app", "new", VaadinIcon.PLUS.create()));
        nav.addItem(new SideNavItem("Projects", ProjectsView.class, VaadinIcon.ROCKET.create()));
        nav.addItem(new SideNavItem("Paste or upload", ImportView.class, VaadinIcon.UPLOAD.create()));
        nav.addItem(new SideNavItem("Settings", SettingsView.class, VaadinIcon.COG.create()));
        addToDrawer(nav);
    }
}
