package dev.dropdeploy.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.chat.turn.Turns;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;

/** Chat turns against a scripted OpenAI-compatible server, deployed for real through the engine and Traefik. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
class ChatDeployIT {

    static final int APP_PORT = TraefikForTests.freePort();
    static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);
    static final FakeOpenAi MODEL = FakeOpenAi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.llm.base-url", MODEL::baseUrl);
        registry.add("dropdeploy.llm.api-key", () -> "test-key");
        registry.add("dropdeploy.llm.model", () -> "fake-model");
        registry.add("dropdeploy.chat.input-price-per-million", () -> "2.50");
        registry.add("dropdeploy.chat.output-price-per-million", () -> "10");
    }

    @Autowired
    Turns turns;

    @Autowired
    Projects projects;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Deployments deployments;

    @Autowired
    ProjectControls controls;

    @Autowired
    Accounts accounts;

    @Autowired
    EnvironmentVariables environment;

    private ProjectSummary project;
    private AccountUser owner;

    @BeforeEach
    void signUp() {
        owner = accounts.signUp("chat-" + UUID.randomUUID(), "correct horse battery");
    }

    @AfterEach
    void removeProject() {
        if (project != null) {
            controls.delete(owner, project.id(), true);
        }
    }

    @AfterAll
    static void stop() {
        TRAEFIK.stop();
        MODEL.close();
    }

    @Test
    void aCalculatorGoesLiveThenTurnsGreenThenAnUndoBringsTheFirstVersionBack() {
        project = projects.create(owner, "Mortgage Calculator");

        MODEL.answer(Scripts.CALCULATOR);
        RecordedTurn first = turn("build me a mortgage calculator");
        Duration lastTokenToLink = Duration.between(MODEL.lastTokenAt(), first.liveAt);
        System.out.println(
                "CHAT-BENCH calculator: last model token -> live link " + lastTokenToLink.toMillis() + " ms");

        assertThat(first.liveVersion).as(first.toString()).isEqualTo(1);
        assertThat(first.files)
                .singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("index.html"));
        assertThat(first.text.toString())
                .contains("mortgage calculator")
                .doesNotContain("<file")
                .doesNotContain("<html");
        assertThat(first.events).anyMatch(e -> e.startsWith("step Detected static"));
        assertThat(first.usage.inputTokens()).isPositive();
        assertThat(first.usage.cost()).isPositive();
        assertThat(page(project.slug())).contains("Mortgage calculator").contains("background: #2563eb");

        MODEL.answer(Scripts.GREEN_BUTTON);
        RecordedTurn second = turn("make the button green");

        assertThat(second.liveVersion).as(second.toString()).isEqualTo(2);
        assertThat(second.url).isEqualTo(first.url);
        assertThat(page(project.slug())).contains("background: #16a34a").doesNotContain("#2563eb");
        assertThat(page("v1--" + project.slug())).contains("background: #2563eb");
        assertThat(MODEL.requests().getLast()).contains("background: #2563eb"); // current files, not memory

        RecordedTurn undo = turn("undo");

        assertThat(undo.liveVersion).as(undo.toString()).isEqualTo(1);
        assertThat(page(project.slug())).contains("background: #2563eb");
        assertThat(MODEL.unusedScripts()).isZero();
    }

    @Test
    void savingTheEntriesAttachesADatabaseInTheTurnAndTheEntriesSurviveTheNextTurnsRedeploy() {
        project = projects.create(owner, "Guestbook");
        MODEL.answer(Scripts.GUESTBOOK_IN_MEMORY);
        assertThat(turn("build me a guestbook").liveVersion).isEqualTo(1);

        MODEL.answer(Scripts.GUESTBOOK_ON_POSTGRES);
        RecordedTurn save = turn("save the entries so they stay");
        assertThat(save.liveVersion).as(save.toString()).isEqualTo(2);
        assertThat(save.noted("PostgreSQL attached")).as(save.toString()).isTrue();
        sign("kept across versions");

        MODEL.answer(Scripts.GUESTBOOK_BIGGER_TITLE);
        RecordedTurn bigger = turn("make the title bigger");

        assertThat(bigger.liveVersion).as(bigger.toString()).isEqualTo(3);
        assertThat(page(project.slug())).contains("font-size:3rem").contains("<p>kept across versions</p>");
        String password = environment.forContainer(project.id()).get("PGPASSWORD");
        assertThat(MODEL.requests()).noneMatch(request -> request.contains(password));
        assertThat(MODEL.requests().getLast()).contains("PostgreSQL (attached)").contains("DATABASE_URL");
    }

    @Test
    void anAnswerThatNamesItsFilesInMarkdownInsteadOfTagsBecomesAVersionAndSaysSo() {
        project = projects.create(owner, "Drifted Answer");

        MODEL.answer("Here is your page.\n\n**index.html**\n```html\n<!doctype html>\n<title>Drift</title>\n"
                + "<p>drifted answer marker</p>\n```\n\nOpen it in a browser.\n");
        RecordedTurn turn = turn("build me a page");

        assertThat(turn.liveVersion).as(turn.toString()).isEqualTo(1);
        assertThat(turn.noted("read the files from the answer's code blocks: index.html"))
                .as(turn.toString())
                .isTrue();
        assertThat(page(project.slug())).contains("drifted answer marker");
    }

    @Test
    void aScriptTheModelWroteGoesLiveBehindARunPageThatSaysSo() {
        project = projects.create(owner, "Amortization Script");
        MODEL.answer(Scripts.AMORTIZATION_SCRIPT);

        RecordedTurn turn = turn("write me a script that prints an amortization table");

        assertThat(turn.events).as(turn.toString()).anyMatch(e -> e.startsWith("run page v1 "));
        assertThat(page(project.slug())).contains("/run-page/page.js");
        HttpResponse<String> run = Http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + TRAEFIK.getMappedPort(80) + "/api/run"))
                        .header("Host", project.slug() + ".localhost")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(run.body()).contains("month 3: pay 400.00, left 0.00").contains("\"exitCode\":0");
    }

    @Test
    void aBrokenAppIsFixedAutomaticallyAfterItsFailedDeployment() {
        project = projects.create(owner, "Chat Port Fix");
        MODEL.answer(Scripts.SERVER_ON_WRONG_PORT).answer(Scripts.SERVER_FIXED);

        RecordedTurn turn = turn("build me a tiny node server that greets me");

        assertThat(turn.noted("Fixing: attempt 1 of 2")).as(turn.toString()).isTrue();
        assertThat(turn.liveVersion).as(turn.toString()).isEqualTo(2);
        assertThat(MODEL.requests().getLast()).contains("4001");
        assertThat(page(project.slug())).contains("hello from the fixed server");
    }

    @Test
    void escapingCutOffAndElidedAnswersAreRefusedContinuedOrReasked() throws Exception {
        project = projects.create(owner, "Chat Robustness");
        MODEL.answer(Scripts.ESCAPING).answer(Scripts.ESCAPING).answer(Scripts.ESCAPING);

        RecordedTurn escaping = turn("write a file");

        assertThat(escaping.noted("points outside the project"))
                .as(escaping.toString())
                .isTrue();
        assertThat(workspaces.versions(project.id())).isEmpty();

        MODEL.answerCutOff(Scripts.CUT_OFF_FIRST_HALF).answer(Scripts.CUT_OFF_SECOND_HALF);
        RecordedTurn continued = turn("a page that says half and half");

        assertThat(continued.liveVersion).as(continued.toString()).isEqualTo(1);
        assertThat(page(project.slug())).contains("half and half, joined");

        MODEL.answer(Scripts.ELIDED).answer(Scripts.NOT_ELIDED);
        RecordedTurn elided = turn("add a footer");

        assertThat(elided.noted("could not be applied")).as(elided.toString()).isTrue();
        assertThat(MODEL.requests().getLast()).contains("NOT applied").contains("left out");
        assertThat(page(project.slug())).contains("half and half, joined").contains("a footer");

        MODEL.answerCutOff("<file path=\"x.html\">a").answerCutOff("b").answerCutOff("c");
        MODEL.answerCutOff("<file path=\"x.html\">a").answerCutOff("b").answerCutOff("c");
        MODEL.answerCutOff("<file path=\"x.html\">a").answerCutOff("b").answerCutOff("c");
        RecordedTurn unclosed = turn("something long");

        assertThat(unclosed.noted("Nothing was changed"))
                .as(unclosed.toString())
                .isTrue();
        assertThat(workspaces.versions(project.id())).hasSize(2);
    }

    private RecordedTurn turn(String text) {
        RecordedTurn recorded = new RecordedTurn();
        try {
            turns.submit(owner, project.id(), text, recorded).get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("turn failed: " + recorded, e);
        }
        return recorded;
    }

    private void sign(String text) {
        HttpResponse<String> response =
                Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + TRAEFIK.getMappedPort(80) + "/sign"))
                        .header("Host", project.slug() + ".localhost")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("text=" + text.replace(' ', '+'))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String page(String label) {
        String entry = "http://localhost:" + TRAEFIK.getMappedPort(80) + "/";
        HttpResponse<String> response = Http.getWithHost(entry, label + ".localhost");
        for (int i = 0; i < 20 && response.statusCode() != 200; i++) {
            sleep();
            response = Http.getWithHost(entry, label + ".localhost");
        }
        return response.body();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
