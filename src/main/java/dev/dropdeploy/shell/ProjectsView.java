package dev.dropdeploy.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.SleepingApps;
import dev.dropdeploy.metrics.AppMetrics;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The start page: every project with its status and link, or an empty state that says what will appear here. */
@Route("")
@PageTitle("Projects · DropDeploy")
@PermitAll
class ProjectsView extends VerticalLayout {

    record Row(ProjectSummary project, Optional<DeploymentView> latest, boolean asleep) {

        /** A sleeping app's live deployment is still live; what a visitor meets is a waking page. */
        String status() {
            if (asleep) {
                return "sleeping";
            }
            return latest.map(d -> Format.state(d.state())).orElse("never deployed");
        }
    }

    private final Projects projects;
    private final Deployments deployments;
    private final AppAddresses addresses;
    private final DeploymentBroadcaster broadcaster;
    private final AccountUser user;
    private final AppMetrics metrics;
    private final SleepingApps sleeping;
    private final Grid<Row> grid = new Grid<>();
    private final VerticalLayout empty;
    private Runnable unregister = () -> {};

    ProjectsView(
            Projects projects,
            Deployments deployments,
            AppAddresses addresses,
            DeploymentBroadcaster broadcaster,
            CurrentUser currentUser,
            AppMetrics metrics,
            SleepingApps sleeping) {
        this.sleeping = sleeping;
        this.user = currentUser.require();
        this.metrics = metrics;
        this.projects = projects;
        this.deployments = deployments;
        this.addresses = addresses;
        this.broadcaster = broadcaster;
        this.empty = emptyState();
        configureGrid();
        add(new H2("Projects"), empty, grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        unregister = broadcaster.register(projectId -> event.getUI().access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unregister.run();
    }

    private void refresh() {
        Set<UUID> asleep = sleeping.asleep();
        List<Row> rows = projects.list(user).stream()
                .map(p -> new Row(p, deployments.latest(user, p.id()), asleep.contains(p.id())))
                .toList();
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }

    private void configureGrid() {
        grid.addColumn(row -> row.project().name()).setHeader("Name").setFlexGrow(2);
        grid.addColumn(Row::status).setHeader("Status");
        grid.addComponentColumn(row ->
                        link(addresses.link(addresses.projectHost(row.project().slug()))))
                .setHeader("Link")
                .setFlexGrow(2);
        grid.addColumn(row -> row.latest().map(Format::stack).orElse("")).setHeader("Stack");
        grid.addColumn(row -> row.latest().map(d -> "v" + d.version()).orElse(""))
                .setHeader("Version");
        grid.addColumn(row -> row.latest().map(Format::lastDeploy).orElse("")).setHeader("Last deploy");
        grid.addComponentColumn(row -> AppSparkline.of(metrics, user, row.project()))
                .setHeader("Last hour");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                ProjectView.class,
                new RouteParameters("slug", click.getItem().project().slug()))));
        grid.setAllRowsVisible(true);
    }

    private static Anchor link(String url) {
        Anchor anchor = new Anchor(url, url);
        anchor.setTarget("_blank");
        return anchor;
    }

    private VerticalLayout emptyState() {
        Paragraph none = new Paragraph("No projects yet.");
        none.setId("empty-state");
        Paragraph what = new Paragraph(
                "Each app you deploy appears here with its status and its own link, such as "
                        + addresses.link(addresses.projectHost("my-app"))
                        + ". Start one from New app (describe it), Paste or upload, or a terminal: ./dropdeploy deploy <folder>.");
        VerticalLayout layout = new VerticalLayout(none, what);
        layout.setPadding(false);
        return layout;
    }
}
