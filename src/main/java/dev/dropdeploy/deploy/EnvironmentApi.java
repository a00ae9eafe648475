package dev.dropdeploy.deploy;

import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.environment.EnvironmentVariable;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's environment variables over the API. Listing masks secrets, and no endpoint ever returns a secret's
 * value. Changes apply from the next deployment (or a rollback to the live version, which restarts it).
 */
@RestController
@RequestMapping("/api/v1/projects/{name}/env")
class EnvironmentApi {

    record Change(String value, Boolean secret) {}

    private final Projects projects;
    private final EnvironmentVariables variables;
    private final CurrentUser currentUser;

    EnvironmentApi(Projects projects, EnvironmentVariables variables, CurrentUser currentUser) {
        this.projects = projects;
        this.variables = variables;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<EnvironmentVariable> list(@PathVariable String name) {
        return variables.list(currentUser.require(), project(name).id());
    }

    @PutMapping("/{variable}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void set(@PathVariable String name, @PathVariable String variable, @RequestBody Change change) {
        if (change == null || change.value() == null) {
            throw new IllegalArgumentException("Send {\"value\": \"...\", \"secret\": true|false}");
        }
        variables.set(
                currentUser.require(),
                project(name).id(),
                variable,
                change.value(),
                Boolean.TRUE.equals(change.secret()));
    }

    @DeleteMapping("/{variable}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String name, @PathVariable String variable) {
        if (!variables.remove(currentUser.require(), project(name).id(), variable)) {
            throw new DeployApi.NotFound("No variable " + variable + " in project " + name);
        }
    }

    private ProjectSummary project(String name) {
        return projects.findOwned(currentUser.require(), name).orElseThrow(() -> new ProjectNotFound("named " + name));
    }
}
