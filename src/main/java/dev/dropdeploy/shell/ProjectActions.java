package dev.dropdeploy.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.workspace.ProjectSummary;
import java.util.function.BooleanSupplier;

/** Restart, stop, start and delete. Restart and start reuse a built image, so they take seconds. */
class ProjectActions extends HorizontalLayout {

    private static final int ERROR_MILLIS = 6000;

    private final ProjectControls controls;
    private final AccountUser user;
    private final ProjectSummary project;
    private final Runnable changed;
    private final BooleanSupplier keepsData;

    /** @param keepsData whether the project has data, which its deletion must then delete on the owner's word */
    ProjectActions(
            ProjectControls controls,
            AccountUser user,
            ProjectSummary project,
            Runnable changed,
            BooleanSupplier keepsData) {
        this.keepsData = keepsData;
        this.controls = controls;
        this.user = user;
        this.project = project;
        this.changed = changed;
        Button restart = new Button("Restart", e -> act("Restarting", () -> controls.restart(user, project.id())));
        Button stop = new Button("Stop", e -> act("Stopped", () -> controls.stop(user, project.id())));
        Button start = new Button("Start", e -> act("Starting", () -> controls.start(user, project.id())));
        Button delete = new Button("Delete…", e -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(restart, stop, start, delete);
    }

    private void act(String done, Runnable action) {
        try {
            action.run();
            Notification.show(done);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), ERROR_MILLIS, Notification.Position.MIDDLE);
        }
        changed.run();
    }

    private void confirmDelete() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete " + project.name() + "?");
        dialog.add(new Paragraph("This stops the app and removes its containers, images, links and all its versions."
                + " It cannot be undone."));
        // Data is deleted only when the owner says so here, after being offered the downloads on the project page.
        Checkbox deleteData = new Checkbox("Also delete its data folder and databases (download them first)");
        deleteData.setId("delete-data");
        deleteData.setVisible(keepsData.getAsBoolean());
        dialog.add(deleteData);
        Button yes = new Button("Delete", e -> {
            try {
                controls.delete(user, project.id(), deleteData.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(ProjectsView.class));
            } catch (IllegalStateException refused) {
                Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE);
            }
        });
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), yes);
        dialog.open();
    }
}
