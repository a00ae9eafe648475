package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.account.QuotaExceeded;
import dev.dropdeploy.routing.RouteTable;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/** Whole deployments through the real engine and the real Traefik: build, run, route, switch, roll back, fail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
class DeployPipelineIT {

    static final int APP_PORT = TraefikForTests.freePort();
    static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);
    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    static final String INSTANCE = "test-" + UUID.randomUUID();
    static final DockerClient DOCKER = DockerClientFactory.instance().client();

    @DynamicPropertySource
    static void pointAtTraefik(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.runtime.instance", () -> INSTANCE);
        // Measured only when a test asks, with a limit a small app can pass.
        registry.add("dropdeploy.deploy.writable-limit", () -> "4MB");
        registry.add("dropdeploy.deploy.writable-check", () -> "1h");
    }

    @Autowired
    StorageWatch storageWatch;

    @Autowired
    DeploymentWatchdog watchdog;

    @Autowired
    DeploymentRecorder recorder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Projects projects;

    @Autowired
    Accounts accounts;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Deployments deployments;

    @Autowired
    DeploymentLog log;

    @Autowired
    ProjectControls controls;

    @Autowired
    RouteTable routes;

    @Autowired
    AppContainers containers;

    @Autowired
    Reconciler reconciler;

    @TempDir
    Path temp;

    private ProjectSummary project;
    private AccountUser owner;

    @BeforeEach
    void signUp() {
        owner = accounts.signUp("pipeline-" + UUID.randomUUID(), "correct horse battery");
    }

    @AfterEach
    void removeProject() {
        if (project != null) {
            controls.delete(owner, project.id());
        }
    }

    @AfterAll
    static void stopTraefik() {
        TRAEFIK.stop();
    }

    @Test
    void aStaticSiteIsServedThroughTraefikAtItsProjectAndVersionAddresses() throws IOException {
        project = projects.create(owner, "Static Probe");
        DeploymentView live = deploy(files(Map.of("index.html", "<h1>static version one</h1>")));

        assertThat(live.state()).as(reasonOf(live)).isEqualTo(DeploymentState.LIVE);
        assertThat(get(project.slug() + ".localhost").body()).contains("static version one");
        assertThat(get("v1--" + project.slug() + ".localhost").body()).contains("static version one");
        assertThat(live.url()).isEqualTo("http://static-probe.localhost");
    }

    @Test
    void passwordProtectionMakesVisitorsSignInAndCanBeTurnedOff() throws IOException {
        project = projects.create(owner, "Guarded");
        deploy(files(Map.of("index.html", "<p>members only</p>")));
        String host = project.slug() + ".localhost";
        String credentials = "Basic " + java.util.Base64.getEncoder().encodeToString("guest:correct horse".getBytes());

        controls.protect(owner, project.id(), "guest", "correct horse");

        HttpResponse<String> refused = awaitStatus(host, 401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(Http.getWithHost(entry(), host, credentials).body()).contains("members only");
        assertThat(awaitStatus("v1--" + host, 401).statusCode()).isEqualTo(401);

        controls.unprotect(owner, project.id());

        assertThat(awaitStatus(host, 200).body()).contains("members only");
    }

    @Test
    void aFlaskAppIsBuiltDetectedAndServed() {
        project = projects.create(owner, "Flask Probe");
        DeploymentView live = deploy(Path.of("src/test/resources/fixtures/flask-basic"));

        assertThat(live.state()).as(reasonOf(live)).isEqualTo(DeploymentState.LIVE);
        assertThat(live.framework()).isEqualTo("flask");
        assertThat(get(project.slug() + ".localhost").body()).contains("Flask marker: shopping list");
    }

    @Test
    void aProjectsOwnDockerfileThatFailsGivesWayToTheBuildOfItsCodeAndSaysWhy() throws IOException {
        project = projects.create(owner, "Broken Dockerfile");
        DeploymentView live = deploy(files(Map.of(
                "Dockerfile",
                "FROM node:20-alpine\nCOPY . /app\nRUN echo 'patch-package: not found' && exit 7\n",
                "index.html",
                "<h1>served from the code</h1>")));

        assertThat(live.state()).as(reasonOf(live)).isEqualTo(DeploymentState.LIVE);
        assertThat(get(project.slug() + ".localhost").body()).contains("served from the code");
        assertThat(log.lines(live.id()).stream().map(LogLine::line))
                .anySatisfy(line -> assertThat(line)
                        .contains("The project's Dockerfile failed")
                        .contains("patch-package: not found")
                        .contains("builds the app from its code instead"));
    }

    @Test
    void aFailingOwnDockerfileWithNoAppBesideItFailsWithItsOwnStep() throws IOException {
        project = projects.create(owner, "Only Dockerfile");
        DeploymentView failed = deploy(files(Map.of(
                "Dockerfile", "FROM debian:trixie\nRUN echo 'cannot fetch the tools' && exit 7\n",
                "notes.txt", "nothing to serve here\n")));

        assertThat(failed.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(failed.reason()).contains("exit 7").contains("cannot fetch the tools");
    }

    @Test
    void aRedeployUnderSteadyLoadFailsNoRequestAndSwitchesOnce() throws Exception {
        project = projects.create(owner, "Zero Downtime");
        assertThat(deploy(files(Map.of("index.html", "<p>answer v1</p>"))).state())
                .isEqualTo(DeploymentState.LIVE);

        try (SteadyLoad load = SteadyLoad.start(entry(), project.slug() + ".localhost")) {
            DeploymentView v2 = deploy(files(Map.of("index.html", "<p>answer v2</p>")));
            assertThat(v2.state()).as(reasonOf(v2)).isEqualTo(DeploymentState.LIVE);
            Thread.sleep(1000);
            load.stop();

            assertThat(load.failures())
                    .as("failed requests: %s", load.failureSamples())
                    .isZero();
            assertThat(load.bodies()).anyMatch(b -> b.contains("answer v1")).anyMatch(b -> b.contains("answer v2"));
            assertThat(load.switchedOnce("answer v1", "answer v2")).isTrue();
        }
        assertThat(get("v1--" + project.slug() + ".localhost").body()).contains("answer v1");
    }

    @Test
    void aRollbackReusesTheEarlierImageWithoutBuilding() throws IOException {
        project = projects.create(owner, "Rollback Probe");
        deploy(files(Map.of("index.html", "<p>first</p>")));
        deploy(files(Map.of("index.html", "<p>second</p>")));

        DeploymentView back = deployments.awaitFinal(
                owner, deployments.rollback(owner, project.id(), 1).id(), DEPLOY_TIMEOUT);

        assertThat(back.state()).as(reasonOf(back)).isEqualTo(DeploymentState.LIVE);
        assertThat(back.buildingAt()).isNull();
        assertThat(log.lines(back.id()))
                .noneMatch(l -> l.phase().equals("build") && l.line().startsWith("Step "));
        assertThat(get(project.slug() + ".localhost").body()).contains("first");
    }

    @Test
    void anAppThatCrashesOnBootFailsWithItsErrorAndTheLiveVersionKeepsServing() throws IOException {
        project = projects.create(owner, "Crash Probe");
        deploy(files(Map.of("index.html", "<p>still here</p>")));

        DeploymentView crashed = deploy(files(Map.of(
                "app.py",
                "from flask import Flask\napp = Flask(__name__)\nraise RuntimeError('DATABASE_URL is not set')\n",
                "requirements.txt",
                "flask==3.1.2\n")));

        assertThat(crashed.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(crashed.reason()).contains("exit code").contains("DATABASE_URL is not set");
        assertThat(get(project.slug() + ".localhost").body()).contains("still here");
    }

    @Test
    void anAppOnTheWrongPortFailsWithThePortItUsed() throws IOException {
        project = projects.create(owner, "Port Probe");
        deploy(files(Map.of("index.html", "<p>port v1</p>")));

        DeploymentView wrong = deploy(files(Map.of(
                "package.json",
                "{\"name\":\"port-probe\",\"version\":\"1.0.0\",\"scripts\":{\"start\":\"node server.js\"}}",
                "server.js",
                "const port = 4000 + 1;\nrequire('http').createServer((q, s) => s.end('hi'))"
                        + ".listen(port, '0.0.0.0', () => console.log('listening on port ' + port));\n")));

        assertThat(wrong.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(wrong.reason()).contains("port 4001");
        assertThat(get(project.slug() + ".localhost").body()).contains("port v1");
    }

    @Test
    void anAppThatAnswersVisitorsWithAnErrorIsNotLiveAndTheLiveVersionKeepsServing() throws IOException {
        project = projects.create(owner, "Refusing Probe");
        deploy(files(Map.of("index.html", "<p>refusing v1</p>")));

        DeploymentView refusing = deploy(files(Map.of(
                "package.json",
                "{\"name\":\"refusing\",\"version\":\"1.0.0\",\"scripts\":{\"start\":\"node server.js\"}}",
                "server.js",
                "require('http').createServer((q, s) => { s.statusCode = 403; s.end('go away'); })"
                        + ".listen(process.env.PORT, '0.0.0.0');\n")));

        assertThat(refusing.state()).as(reasonOf(refusing)).isEqualTo(DeploymentState.FAILED);
        assertThat(refusing.reason()).contains("HTTP 403").contains(project.slug() + ".localhost/");
        assertThat(get(project.slug() + ".localhost").body()).contains("refusing v1");
    }

    @Test
    void anAppThatWritesBesideItsCodeRunsWithAWritableRootAndIsToldWhereDataLasts() {
        project = projects.create(owner, "Key Keeper");

        DeploymentView live = deploy(Path.of("src/test/resources/fixtures/python-writes-beside-code"));

        assertThat(live.state()).as(reasonOf(live)).isEqualTo(DeploymentState.LIVE);
        assertThat(log.lines(live.id()))
                .anyMatch(l ->
                        l.line().startsWith(ReadOnlyWrites.NOTE) && l.line().contains(".sesskey"));
        assertThat(DOCKER.inspectContainerCmd(appContainer())
                        .exec()
                        .getHostConfig()
                        .getReadonlyRootfs())
                .isFalse();
        assertThat(get(project.slug() + ".localhost").body()).contains("Session key kept beside the code");
    }

    @Test
    void aMonorepoMemberBuiltAloneFailsWithItsWorkspaceDependencyExplained() {
        project = projects.create(owner, "Workspace Member");
        DeploymentView failed = deploy(Path.of("src/test/resources/fixtures/express-workspace-member"));

        assertThat(failed.state()).as(reasonOf(failed)).isEqualTo(DeploymentState.FAILED);
        assertThat(failed.reason())
                .contains("workspace package")
                .contains("workspace root")
                .contains("The error: ");
    }

    @Test
    void aDjangoAppThatAllowsOnlyItsOwnDomainIsServedAtItsDropDeployAddress() {
        project = projects.create(owner, "Django Hosts");
        DeploymentView live = deploy(Path.of("src/test/resources/fixtures/django-psycopg2"));

        assertThat(live.state()).as(reasonOf(live)).isEqualTo(DeploymentState.LIVE);
        assertThat(get(project.slug() + ".localhost").body()).contains("Django marker: psycopg2");
        assertThat(get("v" + live.version() + "--" + project.slug() + ".localhost")
                        .body())
                .contains("Django marker: psycopg2");
    }

    @Test
    void aRestartRestoresRoutesOfLiveAppsAndReapsOrphans() throws IOException {
        project = projects.create(owner, "Restart Probe");
        deploy(files(Map.of("index.html", "<p>survives restarts</p>")));
        routes.snapshot().forEach(route -> routes.withdraw(route.name())); // what a fresh process starts with
        String orphan = OrphanContainer.start(INSTANCE);

        reconciler.reconcile();

        assertThat(get(project.slug() + ".localhost").body()).contains("survives restarts");
        assertThat(containers.managed()).noneMatch(c -> c.id().equals(orphan));
    }

    /**
     * What `down` and `up` (a recreated Traefik) and an engine restart (an app not running yet) leave behind: Traefik
     * on no project network and a live app stopped. Reconciliation must bring the app back without a redeploy.
     */
    @Test
    void aRestartJoinsTraefikToTheProjectNetworkAgainAndStartsAStoppedLiveApp() throws IOException {
        project = projects.create(owner, "Rejoin Probe");
        DeploymentView live = deploy(files(Map.of("index.html", "<p>back without a redeploy</p>")));
        String host = project.slug() + ".localhost";
        String app = appContainer();
        DOCKER.disconnectFromNetworkCmd()
                .withNetworkId("dd-net-" + project.slug())
                .withContainerId(TraefikForTests.name(TRAEFIK))
                .exec();
        DOCKER.stopContainerCmd(app).withTimeout(1).exec();
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(host) != 200);

        reconciler.reconcile();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Http.getWithHost(entry(), host).statusCode() == 200);
        assertThat(Http.getWithHost(entry(), host).body()).contains("back without a redeploy");
        assertThat(appContainer())
                .as("the same container, not a new deployment")
                .isEqualTo(app);
        assertThat(deployments.live(owner, project.id()).orElseThrow().id()).isEqualTo(live.id());
    }

    /** A restore on a new machine: the database says v1 is live, the engine has neither its container nor image. */
    @Test
    void aLiveVersionWhoseContainerVanishedIsDeployedAgainAtStartUp() throws IOException {
        project = projects.create(owner, "Vanish Probe");
        DeploymentView live = deploy(files(Map.of("index.html", "<p>rebuilt from its version</p>")));
        DOCKER.removeContainerCmd(appContainer()).withForce(true).exec();
        DOCKER.removeImageCmd("dd-app/" + project.slug() + ":v1")
                .withForce(true)
                .exec();

        reconciler.reconcile();

        await().atMost(DEPLOY_TIMEOUT)
                .until(() -> deployments
                        .live(owner, project.id())
                        .filter(d -> !d.id().equals(live.id()))
                        .isPresent());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Http.getWithHost(entry(), project.slug() + ".localhost")
                        .body()
                        .contains("rebuilt from its version"));
        assertThat(deployments.find(owner, live.id()).orElseThrow().state()).isEqualTo(DeploymentState.STOPPED);
    }

    @Test
    void anAppThatWritesMoreThanItsShareIntoItsContainerIsStoppedWithTheReason() throws IOException {
        project = projects.create(owner, "Disk Filler");
        DeploymentView live = deploy(files(Map.of("Dockerfile", """
                FROM python:3.13-slim
                RUN mkdir /data && chmod 777 /data
                COPY server.py /app/server.py
                EXPOSE 8080
                CMD ["python3", "/app/server.py"]
                """, "server.py", """
                import os
                from http.server import HTTPServer, SimpleHTTPRequestHandler
                with open("/data/blob", "wb") as f:
                    f.write(os.urandom(8 * 1024 * 1024))
                HTTPServer(("0.0.0.0", 8080), SimpleHTTPRequestHandler).serve_forever()
                """)));
        assertThat(live.state()).as(reasonOf(live)).isEqualTo(DeploymentState.LIVE);

        storageWatch.check();

        DeploymentView stopped = deployments.find(owner, live.id()).orElseThrow();
        assertThat(stopped.state()).isEqualTo(DeploymentState.STOPPED);
        assertThat(stopped.reason()).contains("wrote more than 4 MB");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        Http.getWithHost(entry(), project.slug() + ".localhost").statusCode() == 404);
    }

    /** A visitor's status, or -1 when Traefik did not answer in time (it waits on a backend it cannot reach). */
    private static int statusOf(String host) {
        try {
            return Http.getWithHost(entry(), host).statusCode();
        } catch (IllegalStateException timedOut) {
            return -1;
        }
    }

    /** What a deployment looks like when the pipeline lost it, say the database was down as it wanted to finish. */
    @Test
    void aDeploymentNothingWorksOnIsFailedByTheWatchdogAndAFreshOneIsLeftAlone() throws IOException {
        project = projects.create(owner, "Lost Deploy");
        int version = workspaces
                .commit(project.id(), files(Map.of("index.html", "<p>x</p>")), "test")
                .number();
        UUID lost = recorder.create(project.id(), version, null).id();
        recorder.update(lost, (d, now) -> d.markBuilding("STATIC", "static", "{}", 8080, now));
        jdbc.update("update deployment set created_at = now() - interval '10 minutes' where id = ?", lost);
        UUID fresh = recorder.create(project.id(), version, null).id();
        assertThatThrownBy(() -> deployments.deploy(owner, project.id(), version))
                .as("the lost deployment holds one of the owner's two concurrent builds")
                .isInstanceOf(QuotaExceeded.class);

        watchdog.check();

        DeploymentView failed = deployments.find(owner, lost).orElseThrow();
        assertThat(failed.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(failed.reason()).contains("lost track");
        assertThat(deployments.find(owner, fresh).orElseThrow().state()).isEqualTo(DeploymentState.QUEUED);
        DeploymentView freed = deployments.awaitFinal(
                owner, deployments.deploy(owner, project.id(), version).id(), DEPLOY_TIMEOUT);
        assertThat(freed.state())
                .as("the quota is free again: " + reasonOf(freed))
                .isEqualTo(DeploymentState.LIVE);
        recorder.update(fresh, (d, now) -> d.markFailed("test cleanup", now));
    }

    private String appContainer() {
        return DOCKER.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dropdeploy.project", project.slug()))
                .exec()
                .getFirst()
                .getId();
    }

    private DeploymentView deploy(Path folder) {
        int version = workspaces.commit(project.id(), folder, "test").number();
        return deployments.awaitFinal(
                owner, deployments.deploy(owner, project.id(), version).id(), DEPLOY_TIMEOUT);
    }

    private Path files(Map<String, String> contents) throws IOException {
        Path folder = Files.createTempDirectory(temp, "app");
        for (Map.Entry<String, String> file : contents.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        return folder;
    }

    private static String entry() {
        return "http://localhost:" + TRAEFIK.getMappedPort(80) + "/";
    }

    private static HttpResponse<String> awaitStatus(String host, int status) {
        HttpResponse<String> response = Http.getWithHost(entry(), host);
        for (int i = 0; i < 20 && response.statusCode() != status; i++) {
            sleep();
            response = Http.getWithHost(entry(), host);
        }
        return response;
    }

    /** Waits briefly for Traefik, whose poll may lag the table by a second. */
    private static HttpResponse<String> get(String host) {
        HttpResponse<String> response = Http.getWithHost(entry(), host);
        for (int i = 0; i < 20 && response.statusCode() != 200; i++) {
            sleep();
            response = Http.getWithHost(entry(), host);
        }
        return response;
    }

    private String reasonOf(DeploymentView view) {
        return "reason: " + view.reason() + "\nlog:\n"
                + String.join(
                        "\n", log.lines(view.id()).stream().map(LogLine::line).toList());
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
