package dev.dropdeploy.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.environment.EnvironmentVariable;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;

/**
 * Environment variables and secrets. A secret is typed into a password field and never comes back to the browser:
 * the grid shows it masked. Values reach the app on its next start, so the panel offers a restart.
 */
class EnvironmentPanel extends VerticalLayout {

    private final EnvironmentVariables variables;
    private final Deployments deployments;
    private final AccountUser user;
    private final ProjectSummary project;
    private final Grid<EnvironmentVariable> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final PasswordField value = new PasswordField("Value");
    private final Checkbox secret = new Checkbox("Secret", true);
    private final Paragraph pending = new Paragraph();
    private final Button restart = new Button("Restart to apply", e -> restart());

    EnvironmentPanel(
            EnvironmentVariables variables, Deployments deployments, AccountUser user, ProjectSummary project) {
        this.variables = variables;
        this.deployments = deployments;
        this.user = user;
        this.project = project;
        setPadding(false);
        setId("environment");
        grid.addColumn(EnvironmentVariable::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(EnvironmentVariable::shownValue).setHeader("Value").setFlexGrow(3);
        grid.addColumn(v -> v.secret() ? "secret" : "").setHeader("Secret?").setAutoWidth(true);
        grid.addComponentColumn(v -> new Button("Remove", e -> remove(v.name())))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::edit));
        name.setId("env-name");
        value.setId("env-value");
        value.setRevealButtonVisible(true);
        secret.setId("env-secret");
        Button save = new Button("Add or change", e -> save());
        save.setId("env-save");
        restart.setId("env-restart");
        restart.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        restart.setVisible(false);
        HorizontalLayout form = new HorizontalLayout(name, value, secret, save);
        form.setAlignItems(Alignment.BASELINE);
        add(
                new Paragraph("Given to the app when it starts; never built into its image. Changes apply from the next"
                        + " deployment."),
                grid,
                form,
                new HorizontalLayout(pending, restart));
        refresh();
    }

    private void edit(EnvironmentVariable variable) {
        name.setValue(variable.name());
        secret.setValue(variable.secret());
        // A secret's value is not known here; the owner types a new one.
        value.setValue(variable.secret() ? "" : variable.shownValue());
    }

    private void save() {
        try {
            variables.set(user, project.id(), name.getValue().trim(), value.getValue(), secret.getValue());
            Notification.show(name.getValue().trim() + " saved");
            name.clear();
            value.clear();
            changed();
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private void remove(String variable) {
        variables.remove(user, project.id(), variable);
        changed();
        refresh();
    }

    private void changed() {
        boolean running = deployments.live(user, project.id()).isPresent();
        pending.setText(
                running
                        ? "The running app still has the old values until it restarts."
                        : "The next deployment will use these values.");
        restart.setVisible(running);
    }

    /** A rollback to the live version reuses its image, so only the container (and its environment) is new. */
    private void restart() {
        try {
            deployments
                    .live(user, project.id())
                    .map(DeploymentView::version)
                    .ifPresent(v -> deployments.rollback(user, project.id(), v));
            Notification.show("Restarting with the new values");
            pending.setText("");
            restart.setVisible(false);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
    }

    private void refresh() {
        grid.setItems(variables.list(user, project.id()));
    }
}
