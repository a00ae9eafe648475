package dev.dropdeploy.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.deploy.DeploymentLog;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.LogLine;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** One project: its deployments and their logs, the app's own output, and what its owner can do with it. */
@Route("projects/:slug")
@PageTitle("Project · DropDeploy")
@PermitAll
class ProjectView extends VerticalLayout implements BeforeEnterObserver {

    private final Projects projects;
    private final Deployments deployments;
    private final DeploymentLog log;
    private final ProjectControls controls;
    private final DeploymentBroadcaster broadcaster;
    private final AppAddresses addresses;
    private final EnvironmentVariables environment;
    private final AccountUser user;
    private final Grid<DeploymentView> history = new Grid<>();
    private final LogPanel buildLog = new LogPanel("build-log");
    private final LogPanel runtimeLog = new LogPanel("runtime-log");
    private final DetectionPanel detection = new DetectionPanel();
    private ProjectSummary project;
    private Runnable unregister = () -> {};
    private AutoCloseable following = () -> {};

    ProjectView(
            Projects projects,
            Deployments deployments,
            DeploymentLog log,
            ProjectControls controls,
            DeploymentBroadcaster broadcaster,
            AppAddresses addresses,
            EnvironmentVariables environment,
            CurrentUser currentUser) {
        this.addresses = addresses;
        this.environment = environment;
        this.user = currentUser.require();
        this.projects = projects;
        this.deployments = deployments;
        this.log = log;
        this.controls = controls;
        this.broadcaster = broadcaster;
        history.addColumn(d -> "v" + d.version()).setHeader("Version").setAutoWidth(true);
        history.addColumn(d -> Format.state(d.state())).setHeader("State").setAutoWidth(true);
        history.addColumn(Format::lastDeploy).setHeader("Deployed").setAutoWidth(true);
        history.addComponentColumn(d -> new Anchor(d.versionUrl(), d.versionUrl()))
                .setHeader("Version link");
        history.addColumn(d -> d.reason() == null ? "" : d.reason())
                .setHeader("Reason")
                .setFlexGrow(3);
        history.setAllRowsVisible(true);
        history.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::showDeployment));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        project = projects.findOwned(user, slug).orElse(null);
        removeAll();
        if (project == null) {
            add(new H2("No project at this address"), new Anchor("", "Back to projects"));
            return;
        }
        add(
                new H2(project.name()),
                links(),
                actions(),
                new H3("Password protection"),
                new ProtectionPanel(controls, user, project),
                new H3("Environment"),
                new EnvironmentPanel(environment, deployments, user, project),
                new H3("Deployments"),
                history,
                new H3("Build log"),
                buildLog,
                new H3("App output"),
                runtimeLog,
                new H3("Why we think it is this stack"),
                detection);
        runtimeLog.show(() -> controls.runtimeLogs(user, project.id(), 2000), null);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unregister = broadcaster.register(projectId -> {
            if (project != null && project.id().equals(projectId)) {
                ui.access(this::refresh);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unregister.run();
        closeFollowing();
    }

    private void refresh() {
        List<DeploymentView> all = deployments.history(user, project.id());
        history.setItems(all);
        if (!all.isEmpty() && history.getSelectedItems().isEmpty()) {
            history.select(all.getFirst());
        }
    }

    private void showDeployment(DeploymentView d) {
        closeFollowing();
        buildLog.show(() -> lines(d), "/api/v1/deployments/" + d.id() + "/log.txt");
        detection.show(deployments.detection(user, d.id()));
        if (!d.state().isFinal()) {
            UI ui = UI.getCurrent();
            Consumer<LogLine> append = line -> ui.access(() -> buildLog.append(line.line()));
            following = log.follow(d.id(), append);
        }
    }

    private List<String> lines(DeploymentView d) {
        return log.lines(d.id()).stream()
                .map(l -> "[" + l.phase() + "] " + l.line())
                .toList();
    }

    private HorizontalLayout links() {
        String url = addresses.link(addresses.projectHost(project.slug()));
        Anchor live = new Anchor(url, url);
        live.setTarget("_blank");
        live.setId("live-link");
        return new HorizontalLayout(
                live,
                new Anchor("projects/" + project.slug() + "/chat", "Chat"),
                new Anchor("projects/" + project.slug() + "/versions", "Versions and diffs"));
    }

    private HorizontalLayout actions() {
        Button restart = new Button(
                "Restart",
                e -> act(
                        "Restarting", () -> liveVersion().ifPresent(v -> deployments.rollback(user, project.id(), v))));
        Button stop = new Button("Stop", e -> act("Stopped", () -> controls.stop(user, project.id())));
        Button start = new Button(
                "Start",
                e -> act("Starting", () -> lastVersion().ifPresent(v -> deployments.rollback(user, project.id(), v))));
        Button delete = new Button("Delete…", e -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(restart, stop, start, delete);
    }

    private java.util.Optional<Integer> liveVersion() {
        return deployments.live(user, project.id()).map(DeploymentView::version);
    }

    private java.util.Optional<Integer> lastVersion() {
        return deployments.history(user, project.id()).stream()
                .filter(d -> d.image() != null && d.state() != DeploymentState.FAILED)
                .map(DeploymentView::version)
                .findFirst();
    }

    private void act(String done, Runnable action) {
        try {
            action.run();
            Notification.show(done);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), (int) Duration.ofSeconds(6).toMillis(), Notification.Position.MIDDLE);
        }
        refresh();
    }

    private void confirmDelete() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete " + project.name() + "?");
        dialog.add(new Paragraph("This stops the app and removes its containers, images, links and all its versions."
                + " It cannot be undone."));
        Button yes = new Button("Delete", e -> {
            controls.delete(user, project.id());
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(ProjectsView.class));
        });
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), yes);
        dialog.open();
    }

    private void closeFollowing() {
        try {
            following.close();
        } catch (Exception e) {
            // nothing to clean up beyond the subscription itself
        }
        following = () -> {};
    }
}
