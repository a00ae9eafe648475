package dev.dropdeploy.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;

/** "Sign in with …" links for the configured providers, and the session notes the sign-in handler reads back. */
final class ProviderButtons {

    private ProviderButtons() {}

    /** Plain links, not router links: the sign-in leaves for the provider through Spring Security. */
    static VerticalLayout of(List<SignInProviders.Provider> providers, String verb) {
        VerticalLayout buttons = new VerticalLayout();
        buttons.setPadding(false);
        buttons.setAlignItems(VerticalLayout.Alignment.CENTER);
        buttons.setVisible(!providers.isEmpty());
        providers.forEach(p -> {
            Anchor link = new Anchor(p.signInPath(), verb + " " + p.name());
            link.setRouterIgnore(true);
            link.setId("sso-" + p.id());
            buttons.add(link);
        });
        return buttons;
    }

    static void note(String name, Object value) {
        VaadinSession.getCurrent().getSession().setAttribute(name, value);
    }

    /** Reads a note once. */
    static String takeNote(String name) {
        var session = VaadinSession.getCurrent().getSession();
        Object value = session.getAttribute(name);
        session.removeAttribute(name);
        return value instanceof String text ? text : null;
    }
}
