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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;

/**
 * The shared set-up of integration tests that deploy real apps: one DropDeploy on a free port, the test PostgreSQL,
 * the real Traefik routing to it, an owner signed up per test class and every project it created deleted after the
 * class. Subclasses that add no properties of their own share one Spring context (and so one Traefik) within a run;
 * a subclass that needs other settings adds its own {@code @DynamicPropertySource} and gets a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LiveInstallationIT {

    protected static final int APP_PORT = TraefikForTests.freePort();

    /** Stopped by Testcontainers when the test JVM ends, since every subclass's context may still route through it. */
    protected static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);

    @DynamicPropertySource
    static void pointAtTraefik(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.routing.public-port", () -> TRAEFIK.getMappedPort(80));
    }

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

    private final List<ProjectSummary> created = new ArrayList<>();

    @BeforeAll
    void signUpTheOwner() {
        owner = accounts.signUp(
                getClass().getSimpleName().toLowerCase().replaceAll("[^a-z]", "") + "-"
                        + UUID.randomUUID().toString().substring(0, 8),
                "correct horse battery");
    }

    /** With their data: a test that attached some has no other way to clean up. Tests may delete projects first. */
    @AfterAll
    void deleteWhatTheClassCreated() {
        List<RuntimeException> failures = new ArrayList<>();
        created.stream()
                .filter(project -> projects.find(owner, project.id()).isPresent())
                .forEach(project -> {
                    try {
                        controls.delete(owner, project.id(), true);
                    } catch (RuntimeException e) {
                        failures.add(e); // the others are still deleted, so one failure leaves no strays behind
                    }
                });
        failures.stream().findFirst().ifPresent(first -> {
            throw first;
        });
    }

    /** A new project of the owner's, deleted after the class. */
    protected ProjectSummary newProject(String name) {
        ProjectSummary project = projects.create(owner, name);
        created.add(project);
        return project;
    }

    /** Commits the files as the project's next version and waits until its deployment is live or failed. */
    protected DeploymentView deploy(ProjectSummary project, Map<String, String> files) throws IOException {
        return FileDeploys.deploy(workspaces, deployments, owner, project.id(), files);
    }
}
