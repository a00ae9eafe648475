package dev.dropdeploy.chat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.VersionDiffs;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import jakarta.annotation.security.PermitAll;

/** Every version of a project with its message, its own address, its diff and "roll back to this". */
@Route("projects/:slug/versions")
@PermitAll
@PageTitle("Versions · DropDeploy")
class VersionsView extends VerticalLayout implements BeforeEnterObserver {

    private final Projects projects;
    private final Workspaces workspaces;
    private final VersionDiffs diffs;
    private final AppAddresses addresses;
    private final AccountUser user;

    VersionsView(
            Projects projects,
            Workspaces workspaces,
            VersionDiffs diffs,
            AppAddresses addresses,
            CurrentUser currentUser) {
        this.user = currentUser.require();
        this.projects = projects;
        this.workspaces = workspaces;
        this.diffs = diffs;
        this.addresses = addresses;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ProjectSummary project = projects.findOwned(
                        user, event.getRouteParameters().get("slug").orElse(""))
                .orElse(null);
        if (project == null) {
            event.forwardTo("");
            return;
        }
        removeAll();
        add(new HorizontalLayout(
                new H2("Versions of " + project.name()),
                new Anchor("projects/" + project.slug() + "/chat", "Back to the chat")));
        add(new com.vaadin.flow.component.html.Paragraph("Rolling back brings earlier code back, never earlier data:"
                + " every version uses the project's same data folder and databases."));
        add(grid(project));
    }

    private Grid<WorkspaceVersion> grid(ProjectSummary project) {
        Grid<WorkspaceVersion> grid = new Grid<>();
        grid.setId("versions");
        grid.addColumn(WorkspaceVersion::number)
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(WorkspaceVersion::message).setHeader("Message").setFlexGrow(1);
        grid.addComponentColumn(v -> {
                    String url = addresses.link(addresses.versionHost(project.slug(), v.number()));
                    return new Anchor(url, url, AnchorTarget.BLANK);
                })
                .setHeader("Its own address")
                .setAutoWidth(true);
        grid.addComponentColumn(v -> new HorizontalLayout(
                        new Button("Diff", e -> diff(project, v)),
                        new Button("Roll back to this", e -> rollBack(project, v))))
                .setAutoWidth(true);
        grid.setItems(workspaces.versions(project.id()));
        return grid;
    }

    private void diff(ProjectSummary project, WorkspaceVersion version) {
        Pre text = new Pre(diffs.ofVersion(project.id(), version.number()));
        text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
        Dialog dialog = new Dialog(text);
        dialog.setHeaderTitle("Version " + version.number() + ": " + version.message());
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("min(90vw, 60rem)");
        dialog.open();
    }

    /** Through the chat, so the rollback is part of the conversation and the next turn starts from it. */
    private void rollBack(ProjectSummary project, WorkspaceVersion version) {
        UI.getCurrent()
                .navigate(
                        "projects/" + project.slug() + "/chat",
                        com.vaadin.flow.router.QueryParameters.simple(
                                java.util.Map.of("prompt", "go back to version " + version.number())));
    }
}
