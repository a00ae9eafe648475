package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.VersionDiffs;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A project's versions as the versions page shows them: each with its own address and diff. Rolling back is in {@link DeployApi}. */
@RestController
@RequestMapping("/api/v1/projects/{name}/versions")
class VersionsApi {

    /**
     * @param url the version's own address, where it answers while it runs
     * @param lastDeployment the state of the version's newest deployment, {@code null} when it was never deployed
     */
    record VersionResource(
            int number,
            String message,
            String commitId,
            Instant createdAt,
            String url,
            boolean live,
            DeploymentState lastDeployment) {}

    private final Workspaces workspaces;
    private final VersionDiffs diffs;
    private final Deployments deployments;
    private final AppAddresses addresses;
    private final NamedProjects projects;
    private final CurrentUser currentUser;

    VersionsApi(
            Workspaces workspaces,
            VersionDiffs diffs,
            Deployments deployments,
            AppAddresses addresses,
            NamedProjects projects,
            CurrentUser currentUser) {
        this.workspaces = workspaces;
        this.diffs = diffs;
        this.deployments = deployments;
        this.addresses = addresses;
        this.projects = projects;
        this.currentUser = currentUser;
    }

    /** Newest first. */
    @GetMapping
    List<VersionResource> list(@PathVariable String name) {
        AccountUser user = currentUser.require();
        ProjectSummary project = projects.owned(user, name);
        Map<Integer, DeploymentView> newest = deployments.history(user, project.id()).stream()
                .collect(Collectors.toMap(DeploymentView::version, Function.identity(), (first, older) -> first));
        return workspaces.versions(project.id()).stream()
                .map(v -> resource(project, v, newest.get(v.number())))
                .toList();
    }

    /** What the version changed against {@code from}, by default the version before it. */
    @GetMapping(path = "/{version}/diff", produces = MediaType.TEXT_PLAIN_VALUE)
    String diff(@PathVariable String name, @PathVariable int version, @RequestParam(required = false) Integer from) {
        ProjectSummary project = projects.owned(currentUser.require(), name);
        return from == null ? diffs.ofVersion(project.id(), version) : diffs.between(project.id(), from, version);
    }

    private VersionResource resource(ProjectSummary project, WorkspaceVersion version, DeploymentView deployment) {
        return new VersionResource(
                version.number(),
                version.message(),
                version.commitId(),
                version.createdAt(),
                addresses.link(addresses.versionHost(project.slug(), version.number())),
                deployment != null && deployment.state() == DeploymentState.LIVE,
                deployment == null ? null : deployment.state());
    }
}
