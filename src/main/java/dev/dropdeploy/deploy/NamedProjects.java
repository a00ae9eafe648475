package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.routing.Hostnames;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Projects as the API names them: by address. Inputs that name a project create it on first use. When the input is then refused (no code in a paste, a Git URL
 * that cannot be read, a quota), a project created for it is removed again, so a refusal leaves nothing behind.
 */
@Component
class NamedProjects {

    private final Projects projects;
    private final ProjectControls controls;

    NamedProjects(Projects projects, ProjectControls controls) {
        this.projects = projects;
        this.controls = controls;
    }

    <T> T createdOnFirstUse(AccountUser user, String name, Function<ProjectSummary, T> input) {
        boolean existed = projects.findOwned(user, Hostnames.slug(name)).isPresent();
        ProjectSummary project = projects.findOrCreate(user, name);
        try {
            return input.apply(project);
        } catch (RuntimeException refused) {
            if (!existed) {
                controls.delete(user, project.id());
            }
            throw refused;
        }
    }

    /** The user's project at {@code name}'s address; another user's reads as absent. */
    ProjectSummary owned(AccountUser user, String name) {
        return projects.findOwned(user, name).orElseThrow(() -> new ProjectNotFound("named " + name));
    }
}
