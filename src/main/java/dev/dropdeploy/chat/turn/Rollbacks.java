package dev.dropdeploy.chat.turn;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Workspaces;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "Undo" and "go back to version N": the earlier version is put live again (from its image when there is one), and
 * because turns start from the live version, the next change builds on its files. Nothing is deleted, so an undo can
 * itself be undone by going to the later version.
 */
@Component
class Rollbacks {

    private final Deployments deployments;
    private final Workspaces workspaces;
    private final Shipping shipping;

    Rollbacks(Deployments deployments, Workspaces workspaces, Shipping shipping) {
        this.deployments = deployments;
        this.workspaces = workspaces;
        this.shipping = shipping;
    }

    /** @return what happened, in words the model's memory keeps */
    String run(AccountUser user, ProjectSummary project, int requested, TurnSink sink) {
        OptionalInt target = requested == Commands.PREVIOUS ? previous(user, project.id()) : OptionalInt.of(requested);
        if (target.isEmpty()) {
            sink.note("There is no earlier version to go back to.");
            return "There was no earlier version.";
        }
        int version = target.getAsInt();
        if (workspaces.version(project.id(), version).isEmpty()) {
            sink.note("There is no version " + version + ". The versions list shows the ones there are.");
            return "Version " + version + " does not exist.";
        }
        sink.text("Going back to version " + version + ".");
        DeploymentView result = shipping.restore(user, project.id(), version, sink);
        if (result.state() != DeploymentState.LIVE) {
            sink.note("Version " + version + " could not be put back live: " + result.reason());
            return "Going back to version " + version + " failed.";
        }
        sink.live(version, result.url(), result.versionUrl(), result.runPage());
        sink.note("Version " + version + " is live again. Your next request starts from its files.");
        return "Went back to version " + version + "; it is live and the next change starts from it.";
    }

    /** The newest version that was live before the one live now. */
    private OptionalInt previous(AccountUser user, UUID projectId) {
        int current =
                deployments.live(user, projectId).map(DeploymentView::version).orElse(0);
        return deployments.history(user, projectId).stream()
                .filter(d -> EnumSet.of(DeploymentState.LIVE, DeploymentState.SUPERSEDED)
                        .contains(d.state()))
                .filter(d -> d.version() != current)
                .filter(d -> current == 0 || d.version() < current || d.liveAt() != null)
                .mapToInt(DeploymentView::version)
                .findFirst();
    }
}
