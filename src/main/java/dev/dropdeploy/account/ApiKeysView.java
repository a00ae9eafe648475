package dev.dropdeploy.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The signed-in user's API keys: create one (shown once), see them by prefix, revoke. */
@Route("api-keys")
@PageTitle("API keys · DropDeploy")
@PermitAll
class ApiKeysView extends VerticalLayout {

    private final ApiKeys keys;
    private final AccountUser user;
    private final Grid<ApiKeySummary> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final TextField shown = new TextField("Your new key (copy it now: it is not shown again)");

    ApiKeysView(ApiKeys keys, CurrentUser currentUser) {
        this.keys = keys;
        this.user = currentUser.require();
        name.setPlaceholder("laptop CLI");
        shown.setReadOnly(true);
        shown.setVisible(false);
        shown.setWidthFull();
        shown.setId("new-api-key");
        Button create = new Button("Create key", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(Alignment.BASELINE);
        configureGrid();
        add(new H2("API keys"), new Paragraph(usage()), form, shown, grid);
        refresh();
    }

    private void create() {
        NewApiKey created = keys.create(user, name.getValue());
        shown.setValue(created.key());
        shown.setVisible(true);
        name.clear();
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(ApiKeySummary::name).setHeader("Name");
        grid.addColumn(k -> k.prefix() + "…").setHeader("Key");
        grid.addColumn(ApiKeySummary::createdAt).setHeader("Created");
        grid.addColumn(k -> k.active() ? "active" : "revoked " + k.revokedAt()).setHeader("Status");
        grid.addComponentColumn(this::revokeButton);
        grid.setAllRowsVisible(true);
    }

    private Button revokeButton(ApiKeySummary key) {
        Button revoke = new Button("Revoke", e -> {
            keys.revoke(user, key.id());
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setEnabled(key.active());
        return revoke;
    }

    private void refresh() {
        grid.setItems(keys.list(user));
    }

    private static String usage() {
        return "The CLI and the REST API sign in with a key: export DROPDEPLOY_API_KEY=<key>, or save it in"
                + " ~/.config/dropdeploy/api-key. Requests send it as 'Authorization: Bearer <key>'.";
    }
}
