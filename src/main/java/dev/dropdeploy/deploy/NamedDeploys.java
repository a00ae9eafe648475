package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.workspace.PasteResult;
import dev.dropdeploy.workspace.PastedVersion;
import dev.dropdeploy.workspace.Pastes;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Deployments started by callers that name projects by address (the REST API, the MCP server): each counts against
 * the user's deployments a minute, a project is created on first use and removed again when its first input is
 * refused, and text is bounded by the API's paste limit.
 */
@Service
public class NamedDeploys {

    private final Pastes pastes;
    private final Workspaces workspaces;
    private final Deployments deployments;
    private final NamedProjects projects;
    private final DeployRateLimit rateLimit;
    private final ApiProperties settings;

    NamedDeploys(
            Pastes pastes,
            Workspaces workspaces,
            Deployments deployments,
            NamedProjects projects,
            DeployRateLimit rateLimit,
            ApiProperties settings) {
        this.pastes = pastes;
        this.workspaces = workspaces;
        this.deployments = deployments;
        this.projects = projects;
        this.rateLimit = rateLimit;
        this.settings = settings;
    }

    /** Reads the paste like the import page does, records it as the next version and deploys it. */
    public PasteDeployment paste(AccountUser user, String name, String text) {
        requireWithinLimit(text.getBytes(StandardCharsets.UTF_8).length);
        rateLimit.acquire(user.id());
        return projects.createdOnFirstUse(user, name, project -> {
            PastedVersion pasted = pastes.commit(project.id(), text);
            PasteResult result = pasted.paste();
            int number = pasted.version().number();
            return new PasteDeployment(
                    deployments.deploy(user, project.id(), number),
                    number,
                    List.copyOf(result.pasted().keySet()),
                    List.copyOf(result.added().keySet()),
                    result.notes(),
                    result.summary());
        });
    }

    /** {@code files} (relative path to text) become the next version, replacing the project's files, and deploy. */
    public DeploymentView files(AccountUser user, String name, Map<String, String> files, String message) {
        requireWithinLimit(files.entrySet().stream()
                .mapToLong(f -> f.getKey().getBytes(StandardCharsets.UTF_8).length
                        + f.getValue().getBytes(StandardCharsets.UTF_8).length)
                .sum());
        rateLimit.acquire(user.id());
        return projects.createdOnFirstUse(user, name, project -> {
            WorkspaceVersion version = workspaces.commitFiles(project.id(), files, message);
            return deployments.deploy(user, project.id(), version.number());
        });
    }

    /** Puts an earlier version live again from its image. */
    public DeploymentView rollback(AccountUser user, String name, int version) {
        ProjectSummary project = owned(user, name);
        rateLimit.acquire(user.id());
        return deployments.rollback(user, project.id(), version);
    }

    /**
     * The user's project at {@code name}'s address.
     *
     * @throws dev.dropdeploy.workspace.ProjectNotFound for a missing project and for another user's alike
     */
    public ProjectSummary owned(AccountUser user, String name) {
        return projects.owned(user, name);
    }

    /** The most text one request may carry, in bytes (the API's paste limit). */
    public long textLimit() {
        return settings.pasteLimit().toBytes();
    }

    private void requireWithinLimit(long bytes) {
        if (bytes > textLimit()) {
            throw new PasteBodies.TooLarge("The text is larger than the " + (textLimit() >> 10)
                    + " KB limit; upload the files as a zip instead");
        }
    }
}
