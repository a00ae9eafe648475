package dev.dropdeploy.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The signed-in user's account: which identity providers sign them in, link another one, unlink. Linking leaves for
 * the provider and comes back with {@code ?linked} or {@code ?refused} (the reason waits in the session).
 */
@Route("account")
@PageTitle("Account · DropDeploy")
@PermitAll
class AccountView extends VerticalLayout implements BeforeEnterObserver {

    private final ExternalSignIn signIn;
    private final SignInProviders providers;
    private final AccountUser user;
    private final VerticalLayout rows = new VerticalLayout();
    private final Paragraph message = new Paragraph();

    AccountView(ExternalSignIn signIn, SignInProviders providers, CurrentUser currentUser) {
        this.signIn = signIn;
        this.providers = providers;
        this.user = currentUser.require();
        rows.setPadding(false);
        rows.setId("linked-providers");
        message.setId("account-message");
        add(new H2("Account"), new Paragraph("Signed in as " + user.username()), new H3("Sign-in providers"));
        add(message, rows);
        setMaxWidth("48rem");
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("linked")) {
            message.setText("Linked: you can now sign in with it.");
        } else if (parameters.containsKey("refused")) {
            String reason = ProviderButtons.takeNote(ExternalSignInHandler.REFUSAL);
            message.setText(reason == null ? "The link was refused" : reason);
            message.getStyle().set("color", "var(--lumo-error-text-color)");
        }
    }

    private void refresh() {
        rows.removeAll();
        List<SignInProviders.Provider> configured = providers.all();
        if (configured.isEmpty()) {
            rows.add(new Span("No identity provider is configured on this installation."));
        }
        List<String> linked = signIn.linkedProviders(user);
        configured.forEach(p -> rows.add(row(p, linked.contains(p.id()))));
    }

    private Component row(SignInProviders.Provider provider, boolean linked) {
        Button action = linked
                ? new Button("Unlink", e -> {
                    signIn.unlink(user, provider.id());
                    refresh();
                })
                : new Button("Link " + provider.name(), e -> link(provider));
        action.setId((linked ? "unlink-" : "link-") + provider.id());
        action.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout row = new HorizontalLayout(new Span(provider.name() + (linked ? ": linked" : "")), action);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    /** The session remembers who asked, so the provider's answer is linked to this account and no other. */
    private void link(SignInProviders.Provider provider) {
        ProviderButtons.note(ExternalSignInHandler.LINK_FOR, user.id());
        getUI().ifPresent(ui -> ui.getPage().setLocation(provider.signInPath()));
    }
}
