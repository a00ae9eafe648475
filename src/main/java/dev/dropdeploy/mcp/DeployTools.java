package dev.dropdeploy.mcp;

import static dev.dropdeploy.mcp.Tools.integer;
import static dev.dropdeploy.mcp.Tools.string;
import static dev.dropdeploy.mcp.Tools.tool;

import dev.dropdeploy.deploy.NamedDeploys;
import dev.dropdeploy.deploy.PasteDeployment;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Code in, a link out: a paste, a set of files, or an earlier version back. Each waits for live or failed. */
@Component
class DeployTools extends Tools {

    private static final Map<String, Object> PROJECT =
            string("The project's name; it becomes the address (my-app → my-app.<domain>). Created on first use.");

    private final NamedDeploys named;
    private final Outcomes outcomes;

    DeployTools(NamedDeploys named, Outcomes outcomes) {
        this.named = named;
        this.outcomes = outcomes;
    }

    @Override
    List<SyncToolSpecification> specifications() {
        return List.of(paste(), files(), rollback());
    }

    private SyncToolSpecification paste() {
        return tool(
                "deploy_paste",
                "Deploys pasted Markdown: an AI chat's answer with code blocks headed by file names, or one snippet."
                        + " DropDeploy reads the files, completes what a runnable app needs, builds and starts it, and"
                        + " answers with the live link or why it failed (with the end of the build log).",
                Map.of(
                        "project",
                        PROJECT,
                        "markdown",
                        string("The text: Markdown with fenced code blocks, or the code itself.")),
                List.of("project", "markdown"),
                (user, args) -> {
                    PasteDeployment pasted = named.paste(user, args.text("project"), args.text("markdown"));
                    return outcomes.awaited(user, pasted.deployment(), pasted.summary());
                });
    }

    private SyncToolSpecification files() {
        return tool(
                "deploy_files",
                "Deploys a set of files (relative path to text), which replace the project's files as its next"
                        + " version. Answers with the live link or why it failed.",
                Map.of(
                        "project",
                        PROJECT,
                        "files",
                        Map.of(
                                "type", "object",
                                "description", "Relative paths to the files' text, e.g. {\"index.html\": \"<h1>Hi\"}",
                                "additionalProperties", Map.of("type", "string")),
                        "message",
                        string("What changed, kept as the version's message (optional).")),
                List.of("project", "files"),
                (user, args) -> outcomes.awaited(
                        user,
                        named.files(
                                user,
                                args.text("project"),
                                args.textMap("files"),
                                args.optionalText("message", "Files from an AI assistant")),
                        ""));
    }

    private SyncToolSpecification rollback() {
        return tool(
                "rollback",
                "Puts an earlier version of a project live again, from its image when it still has one. Answers with"
                        + " the live link or why it failed.",
                Map.of("project", string("The project's name."), "version", integer("The version to put live.")),
                List.of("project", "version"),
                (user, args) ->
                        outcomes.awaited(user, named.rollback(user, args.text("project"), args.number("version")), ""));
    }
}
