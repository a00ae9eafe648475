package dev.dropdeploy.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.dropdeploy.deploy.ProjectReplicas;
import dev.dropdeploy.workspace.ProjectSummary;

/** How many copies of the app run (the Swarm backend); applies from the next deployment or a restart. */
class ReplicasPanel extends VerticalLayout {

    private final ProjectReplicas replicas;
    private final ProjectSummary project;
    private final IntegerField count = new IntegerField("Replicas");
    private final Paragraph status = new Paragraph();

    ReplicasPanel(ProjectReplicas replicas, ProjectSummary project) {
        this.replicas = replicas;
        this.project = project;
        setPadding(false);
        setId("replicas");
        count.setId("replicas-count");
        count.setMin(1);
        count.setMax(replicas.limit());
        count.setStepButtonsVisible(true);
        Button save = new Button("Save", e -> save());
        save.setId("replicas-save");
        HorizontalLayout form = new HorizontalLayout(count, save);
        form.setAlignItems(Alignment.BASELINE);
        add(status, form);
        refresh();
    }

    private void save() {
        try {
            replicas.set(project.id(), count.getValue() == null ? 0 : count.getValue());
            Notification.show("Saved: the next deployment runs " + count.getValue() + "; Restart applies it now");
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
        refresh();
    }

    private void refresh() {
        int now = replicas.of(project.id());
        count.setValue(now);
        status.setText(
                replicas.limit() == 1
                        ? "One copy runs: this installation runs apps on one Docker engine."
                        : now + " cop" + (now == 1 ? "y runs" : "ies run") + ", spread over the swarm's nodes (at most "
                                + replicas.limit() + ").");
    }
}
