package dev.dropdeploy.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.chat.turn.Turns;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;

/**
 * The one test that talks to a real model, so it only runs when its endpoint is given (it costs money and is not
 * deterministic). Asserts only what any competent model must produce: a live page with a form to type numbers into.
 */
@EnabledIfEnvironmentVariable(named = "DROPDEPLOY_TEST_LLM_BASE_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "DROPDEPLOY_TEST_LLM_MODEL", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
class RealModelIT {

    static final int APP_PORT = TraefikForTests.freePort();
    // Started lazily: a skipped class must not start containers.
    static GenericContainer<?> traefik;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        traefik = TraefikForTests.start(APP_PORT);
        TraefikForTests.registerDeployProperties(registry, traefik, APP_PORT);
        registry.add("dropdeploy.llm.base-url", () -> System.getenv("DROPDEPLOY_TEST_LLM_BASE_URL"));
        registry.add("dropdeploy.llm.model", () -> System.getenv("DROPDEPLOY_TEST_LLM_MODEL"));
        registry.add(
                "dropdeploy.llm.api-key",
                () -> Objects.requireNonNullElse(System.getenv("DROPDEPLOY_TEST_LLM_API_KEY"), ""));
    }

    @Autowired
    Turns turns;

    @Autowired
    Projects projects;

    @Autowired
    Accounts accounts;

    @Autowired
    ProjectControls controls;

    private AccountUser owner;
    private ProjectSummary project;

    @AfterEach
    void removeProject() {
        if (project != null) {
            controls.delete(owner, project.id());
        }
    }

    @AfterAll
    static void stop() {
        if (traefik != null) {
            traefik.stop();
        }
    }

    @Test
    void aRealModelBuildsAMortgageCalculatorThatGoesLive() throws Exception {
        owner = accounts.signUp("real-" + UUID.randomUUID(), "correct horse battery");
        project = projects.create(owner, "Real Mortgage Calculator");
        RecordedTurn turn = new RecordedTurn();

        turns.submit(owner, project.id(), "build me a mortgage calculator", turn)
                .get(15, TimeUnit.MINUTES);

        assertThat(turn.liveVersion).as(turn.toString()).isPositive();
        assertThat(page(project.slug())).containsAnyOf("<input", "<form", "<INPUT", "<FORM");
    }

    private static String page(String slug) throws InterruptedException {
        String entry = "http://localhost:" + traefik.getMappedPort(80) + "/";
        HttpResponse<String> response = Http.getWithHost(entry, slug + ".localhost");
        for (int i = 0; i < 20 && response.statusCode() != 200; i++) {
            Thread.sleep(500);
            response = Http.getWithHost(entry, slug + ".localhost");
        }
        return response.body();
    }
}
