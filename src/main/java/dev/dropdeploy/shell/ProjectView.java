package dev.dropdeploy.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.alerts.Webhooks;
import dev.dropdeploy.data.DataServices;
import dev.dropdeploy.deploy.DeploymentLog;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.deploy.ProjectReplicas;
import dev.dropdeploy.deploy.SleepingApps;
import dev.dropdeploy.git.GitConnections;
import dev.dropdeploy.metrics.AppMetrics;
import dev.dropdeploy.output.OutputLimits;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.runtime.RuntimeProperties;
import dev.dropdeploy.sleep.SleepSettings;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;
import jakarta.annotation.security.PermitAll;
import java.util.List;

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
    private final RuntimeProperties runtime;
    private final EnvironmentVariables environment;
    private final DataServices data;
    private final AccountUser user;
    private final AppMetrics metrics;
    private final SleepSettings sleepSettings;
    private final SleepingApps sleeping;
    private SleepPanel sleepPanel;
    private final Webhooks webhooks;
    private final Grid<DeploymentView> history = new Grid<>();
    private final LogPanel buildLog;
    private final LogPanel runtimeLog;
    private final int shownLines;
    private final DetectionPanel detection = new DetectionPanel();
    private final ProjectReplicas replicas;
    private ProjectSummary project;
    private final GitConnections git;
    private Runnable unregister = () -> {};

    ProjectView(
            Projects projects,
            Deployments deployments,
            DeploymentLog log,
            ProjectControls controls,
            DeploymentBroadcaster broadcaster,
            AppAddresses addresses,
            EnvironmentVariables environment,
            CurrentUser currentUser,
            RuntimeProperties runtime,
            OutputLimits output,
            AppMetrics metrics,
            DataServices data,
            GitConnections git,
            SleepSettings sleepSettings,
            SleepingApps sleeping,
            Webhooks webhooks,
            ProjectReplicas replicas) {
        this.replicas = replicas;
        this.git = git;
        this.sleepSettings = sleepSettings;
        this.sleeping = sleeping;
        this.webhooks = webhooks;
        this.runtime = runtime;
        this.metrics = metrics;
        this.data = data;
        this.buildLog = new LogPanel("build-log", output);
        this.runtimeLog = new LogPanel("runtime-log", output);
        this.shownLines = output.shownLines();
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
        sleepPanel = new SleepPanel(sleepSettings, sleeping, user, project);
        add(
                new H2(project.name()),
                links(),
                new ProjectActions(controls, user, project, this::refresh, () -> data.hasData(project.id())),
                limits(),
                new H3("Metrics"),
                new MetricsPanel(metrics, user, project),
                new H3("Sleep"),
                sleepPanel,
                new H3("Alerts"),
                new WebhookPanel(webhooks, user, project),
                new H3("Replicas"),
                new ReplicasPanel(replicas, project),
                new H3("Password protection"),
                new ProtectionPanel(controls, user, project),
                new H3("Environment"),
                new EnvironmentPanel(environment, deployments, user, project),
                new H3("Git"),
                new GitPanel(git, addresses, user, project),
                new H3("Data"),
                new DataPanel(data, deployments, user, project),
                new H3("Deployments"),
                history,
                new H3("Build log"),
                buildLog,
                new H3("App output"),
                runtimeLog,
                new H3("Why we think it is this stack"),
                detection);
        runtimeLog.show(
                () -> controls.runtimeLogs(user, project.id(), shownLines),
                "/api/v1/projects/" + project.slug() + "/logs?lines=10000");
        followRuntime();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unregister = broadcaster.register(projectId -> {
            if (project != null && project.id().equals(projectId)) {
                ui.access(() -> {
                    refresh();
                    followRuntime(); // a switch may have put a new container live
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unregister.run();
    }

    private void refresh() {
        sleepPanel.refresh();
        List<DeploymentView> all = deployments.history(user, project.id());
        history.setItems(all);
        if (!all.isEmpty() && history.getSelectedItems().isEmpty()) {
            history.select(all.getFirst());
        }
    }

    private void showDeployment(DeploymentView d) {
        buildLog.show(() -> lines(d), "/api/v1/deployments/" + d.id() + "/log.txt");
        detection.show(deployments.detection(user, d.id()));
        buildLog.follow(d.state().isFinal() ? null : sink -> log.follow(d.id(), line -> sink.accept(line.line())));
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

    /** What the app may use, so a person can tell an out-of-memory failure from a bug. */
    private Paragraph limits() {
        Paragraph text = new Paragraph(
                "Each version runs with at most " + runtime.memory().toMegabytes() + " MB of"
                        + " memory, " + runtime.cpus() + " CPU and " + runtime.pids() + " processes, as a non-root user"
                        + " without extra privileges.");
        text.setId("limits");
        return text;
    }

    /** The app's output as it prints it; the panel's Refresh starts over from the last lines it can show. */
    private void followRuntime() {
        runtimeLog.follow(sink -> controls.followRuntimeLogs(user, project.id(), sink));
    }
}
