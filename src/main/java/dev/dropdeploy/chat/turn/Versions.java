package dev.dropdeploy.chat.turn;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Which version a turn starts from and what the model is told about the last deployment. */
@Component
class Versions {

    private final Workspaces workspaces;
    private final Deployments deployments;

    Versions(Workspaces workspaces, Deployments deployments) {
        this.workspaces = workspaces;
        this.deployments = deployments;
    }

    /**
     * The live version when there is one, so edits start from what the person sees (after an undo too); otherwise
     * the newest version; 0 for an empty project.
     */
    int base(AccountUser user, UUID projectId) {
        return live(user, projectId)
                .map(DeploymentView::version)
                .orElseGet(() -> newest(projectId).map(WorkspaceVersion::number).orElse(0));
    }

    Optional<DeploymentView> live(AccountUser user, UUID projectId) {
        return deployments.live(user, projectId);
    }

    Optional<WorkspaceVersion> newest(UUID projectId) {
        List<WorkspaceVersion> all = workspaces.versions(projectId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    String lastDeployment(AccountUser user, UUID projectId) {
        return deployments.history(user, projectId).stream()
                .findFirst()
                .map(d -> "Version " + d.version() + ": " + d.state()
                        + (d.reason() == null ? "" : " (" + d.reason() + ")"))
                .orElse(null);
    }
}
