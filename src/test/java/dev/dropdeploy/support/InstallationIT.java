package dev.dropdeploy.support;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * What every integration test that deploys real apps shares: DropDeploy with the test PostgreSQL, an owner signed up
 * per test class and every project it owns deleted after the class. The subclass brings the Traefik the apps are
 * routed through and DropDeploy's port (a port of its own per Spring context, since cached contexts stay up):
 * {@link LiveInstallationIT} for the plain-HTTP one nearly every test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InstallationIT {

    @Autowired
    protected Accounts accounts;

    @Autowired
    protected Projects projects;

    @Autowired
    protected Workspaces workspaces;

    @Autowired
    protected Deployments deployments;

    @Autowired
    protected ProjectControls controls;

    /** Signed up once per test class, with a name of its own so classes sharing a context never meet. */
    protected AccountUser owner;

    @BeforeAll
    void signUpTheOwner() {
        owner = accounts.signUp(
                getClass().getSimpleName().toLowerCase().replaceAll("[^a-z]", "") + "-"
                        + UUID.randomUUID().toString().substring(0, 8),
                "correct horse battery");
    }

    /**
     * Every project the owner owns (made here, through the API or by the CLI), with its data: a test that attached some
     * has no other way to clean up. One failure does not keep the others from being deleted.
     */
    @AfterAll
    void deleteWhatTheClassCreated() {
        List<RuntimeException> failures = new ArrayList<>();
        projects.idsOwnedBy(owner).forEach(id -> {
            try {
                controls.delete(owner, id, true);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        failures.stream().findFirst().ifPresent(first -> {
            throw first;
        });
    }

    /** A new project of the owner's, deleted after the class. */
    protected ProjectSummary newProject(String name) {
        return projects.create(owner, name);
    }

    /** Commits the files as the project's next version and waits until its deployment is live or failed. */
    protected DeploymentView deploy(ProjectSummary project, Map<String, String> files) throws IOException {
        return FileDeploys.deploy(workspaces, deployments, owner, project.id(), files);
    }
}
