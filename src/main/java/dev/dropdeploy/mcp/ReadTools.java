package dev.dropdeploy.mcp;

import static dev.dropdeploy.mcp.Tools.integer;
import static dev.dropdeploy.mcp.Tools.string;
import static dev.dropdeploy.mcp.Tools.tool;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.NamedDeploys;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/** What is there and how it went: every project with its link and state, and a deployment's logs. */
@Component
class ReadTools extends Tools {

    private static final int DEFAULT_LINES = 100;
    private static final int MAX_LINES = 1000;

    private final Projects projects;
    private final NamedDeploys named;
    private final Deployments deployments;
    private final ProjectControls controls;
    private final Outcomes outcomes;

    ReadTools(
            Projects projects,
            NamedDeploys named,
            Deployments deployments,
            ProjectControls controls,
            Outcomes outcomes) {
        this.projects = projects;
        this.named = named;
        this.deployments = deployments;
        this.controls = controls;
        this.outcomes = outcomes;
    }

    @Override
    List<SyncToolSpecification> specifications() {
        return List.of(status(), logs());
    }

    private SyncToolSpecification status() {
        return tool(
                "status",
                "Lists your projects with the live link and version of each and the state of its latest deployment.",
                Map.of(),
                List.of(),
                (user, args) -> status(user));
    }

    private CallToolResult status(AccountUser user) {
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (ProjectSummary project : projects.list(user)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("project", project.slug());
            text.append(project.slug()).append(": ");
            deployments
                    .live(user, project.id())
                    .ifPresentOrElse(
                            live -> {
                                row.put("url", live.url());
                                row.put("liveVersion", live.version());
                                text.append("live at ")
                                        .append(live.url())
                                        .append(" (version ")
                                        .append(live.version());
                                text.append(")");
                            },
                            () -> text.append("nothing live"));
            deployments.latest(user, project.id()).ifPresent(latest -> {
                row.put("latestVersion", latest.version());
                row.put("latestState", latest.state().name());
                text.append("; latest deployment: version ")
                        .append(latest.version())
                        .append(' ');
                text.append(latest.state());
                if (latest.reason() != null) {
                    row.put("reason", latest.reason());
                    text.append(" (").append(latest.reason()).append(')');
                }
            });
            rows.add(row);
            text.append('\n');
        }
        return success(rows.isEmpty() ? "No projects yet." : text.toString().strip(), Map.of("projects", rows));
    }

    private SyncToolSpecification logs() {
        return tool(
                "logs",
                "The build log of a project's latest deployment (or of a given version's) and the tail of what the"
                        + " running app printed. Read this to find out why a deployment failed.",
                Map.of(
                        "project", string("The project's name."),
                        "version", integer("The version whose deployment to read (optional; default: the latest)."),
                        "lines",
                                integer(
                                        "How many lines of each log, counted from the end (default 100, at most 1000).")),
                List.of("project"),
                this::logs);
    }

    private CallToolResult logs(AccountUser user, Arguments args) {
        ProjectSummary project = named.owned(user, args.text("project"));
        OptionalInt version = args.optionalNumber("version");
        int lines = Math.min(args.optionalNumber("lines").orElse(DEFAULT_LINES), MAX_LINES);
        DeploymentView deployment = deployments.history(user, project.id()).stream()
                .filter(d -> version.isEmpty() || d.version() == version.getAsInt())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        version.isEmpty()
                                ? project.slug() + " has no deployments yet"
                                : project.slug() + " has no deployment of version " + version.getAsInt()));
        String build = outcomes.lines(deployment, lines);
        String app = String.join("\n", controls.runtimeLogs(user, project.id(), lines));
        String text = "Deployment of version " + deployment.version() + ": " + deployment.state()
                + (deployment.reason() == null ? "" : " (" + deployment.reason() + ")")
                + "\n\nBuild log:\n" + (build.isBlank() ? "(empty)" : build)
                + "\n\nApp output (the live version):\n"
                + (app.isBlank() ? "(nothing printed, or nothing running)" : app);
        Map<String, Object> structured = new LinkedHashMap<>(Outcomes.structured(deployment));
        structured.put("buildLog", build);
        structured.put("appOutput", app);
        return success(text, structured);
    }
}
