package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projects as resources: list, create, read, and their password protection. Deleting is in {@link DeployApi}. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectsApi {

    /** A project with what is live of it, if anything. */
    record ProjectResource(String name, String slug, String url, boolean passwordProtected, DeploymentView live) {}

    record NewProject(String name) {}

    record Password(String user, String password) {}

    private final Projects projects;
    private final Deployments deployments;
    private final ProjectControls controls;
    private final CurrentUser currentUser;
    private final dev.dropdeploy.routing.AppAddresses addresses;

    ProjectsApi(
            Projects projects,
            Deployments deployments,
            ProjectControls controls,
            CurrentUser currentUser,
            dev.dropdeploy.routing.AppAddresses addresses) {
        this.projects = projects;
        this.deployments = deployments;
        this.controls = controls;
        this.currentUser = currentUser;
        this.addresses = addresses;
    }

    @GetMapping
    List<ProjectResource> list() {
        AccountUser user = currentUser.require();
        return projects.list(user).stream().map(p -> resource(user, p)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectResource create(@RequestBody NewProject body) {
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw new IllegalArgumentException("Send {\"name\": \"...\"}");
        }
        AccountUser user = currentUser.require();
        return resource(user, projects.create(user, body.name()));
    }

    @GetMapping("/{name}")
    ProjectResource get(@PathVariable String name) {
        AccountUser user = currentUser.require();
        return resource(user, owned(user, name));
    }

    @PutMapping("/{name}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void protect(@PathVariable String name, @RequestBody Password body) {
        AccountUser user = currentUser.require();
        if (body == null) {
            throw new IllegalArgumentException("Send {\"user\": \"...\", \"password\": \"...\"}");
        }
        controls.protect(user, owned(user, name).id(), body.user(), body.password());
    }

    @DeleteMapping("/{name}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unprotect(@PathVariable String name) {
        AccountUser user = currentUser.require();
        controls.unprotect(user, owned(user, name).id());
    }

    private ProjectSummary owned(AccountUser user, String name) {
        return projects.findOwned(user, name).orElseThrow(() -> new ProjectNotFound("named " + name));
    }

    private ProjectResource resource(AccountUser user, ProjectSummary project) {
        return new ProjectResource(
                project.name(),
                project.slug(),
                addresses.link(addresses.projectHost(project.slug())),
                controls.isProtected(user, project.id()),
                deployments.live(user, project.id()).orElse(null));
    }
}
