package dev.dropdeploy.mcp;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.DeploymentLog;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.LogLine;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Waits for a deployment to end and says how: the link, or the reason with the end of its build log. */
@Component
class Outcomes {

    // As long as the chat waits for a deployment: a cold Spring Boot build takes minutes on two cores.
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(10);
    static final int FAILURE_LOG_LINES = 40;

    private final Deployments deployments;
    private final DeploymentLog log;

    Outcomes(Deployments deployments, DeploymentLog log) {
        this.deployments = deployments;
        this.log = log;
    }

    /** A failed deployment is a tool error, so the assistant reads its reason and can fix the code. */
    CallToolResult awaited(AccountUser user, DeploymentView started, String before) {
        DeploymentView end = deployments.awaitFinal(user, started.id(), DEPLOY_TIMEOUT);
        Map<String, Object> structured = structured(end);
        String prefix = before.isBlank() ? "" : before.strip() + "\n\n";
        if (end.state() == DeploymentState.LIVE) {
            return Tools.success(prefix + live(end), structured);
        }
        if (!end.state().isFinal()) {
            return Tools.success(
                    prefix + "Version " + end.version() + " is still " + end.state() + " after "
                            + DEPLOY_TIMEOUT.toMinutes() + " minutes; ask for status or logs later.",
                    structured);
        }
        return Tools.error(prefix + "Version " + end.version() + " failed: " + end.reason()
                + "\n\nLast lines of its build log:\n" + tail(end));
    }

    static String live(DeploymentView view) {
        return (view.runPage() ? "Live (a run page for the program): " : "Live: ") + view.url() + "\nVersion "
                + view.version() + " also stays at " + view.versionUrl();
    }

    static Map<String, Object> structured(DeploymentView view) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("project", view.projectSlug());
        map.put("version", view.version());
        map.put("state", view.state().name());
        map.put("url", view.url());
        map.put("versionUrl", view.versionUrl());
        if (view.reason() != null) {
            map.put("reason", view.reason());
        }
        return map;
    }

    String tail(DeploymentView view) {
        return lines(view, FAILURE_LOG_LINES);
    }

    /** The deployment's stored build log, its last {@code count} lines. */
    String lines(DeploymentView view, int count) {
        List<LogLine> lines = log.lines(view.id());
        return lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
                .map(l -> "[" + l.phase() + "] " + l.line())
                .collect(Collectors.joining("\n"));
    }
}
