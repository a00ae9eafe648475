package dev.dropdeploy.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URI;
import java.util.Locale;

/** Invite links: create one (shown once, only its hash is kept), see their state, revoke an unused one. */
class InvitesPanel extends VerticalLayout {

    private final Invites invites;
    private final AccountUser admin;
    private final Grid<InviteSummary> grid = new Grid<>();
    private final TextField shown = new TextField("New invite link (copy it now: it is not shown again)");

    InvitesPanel(Invites invites, AccountUser admin) {
        this.invites = invites;
        this.admin = admin;
        setPadding(false);
        shown.setId("new-invite-link");
        shown.setReadOnly(true);
        shown.setVisible(false);
        shown.setWidthFull();
        Button create = new Button("Create invite link", e -> create());
        create.setId("create-invite");
        grid.addColumn(InviteSummary::createdAt).setHeader("Created");
        grid.addColumn(InviteSummary::expiresAt).setHeader("Expires");
        grid.addColumn(i -> i.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
        grid.addComponentColumn(this::revokeButton);
        grid.setAllRowsVisible(true);
        Paragraph usage = new Paragraph("An invite link creates one account, and only while sign-up is set to"
                + " invite links. Send it to one person.");
        add(new H3("Invite links"), usage, create, shown, grid);
        refresh();
    }

    private void create() {
        String token = invites.create(admin).token();
        // The browser knows the address people reach this installation by; the server may sit behind a proxy.
        getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(page -> {
            shown.setValue(URI.create(page.toString())
                    .resolve("signup?invite=" + token)
                    .toString());
            shown.setVisible(true);
        }));
        refresh();
    }

    private Button revokeButton(InviteSummary invite) {
        Button revoke = new Button("Revoke", e -> {
            invites.revoke(admin, invite.id());
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setEnabled(invite.status() == InviteSummary.Status.OPEN);
        return revoke;
    }

    private void refresh() {
        grid.setItems(invites.list(admin));
    }
}
