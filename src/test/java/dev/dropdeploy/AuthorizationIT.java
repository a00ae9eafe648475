package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.account.NewApiKey;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** User B cannot see, change, deploy, follow or delete user A's project, through the services or the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresContainerConfiguration.class)
class AuthorizationIT {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiKeys keys;

    @Autowired
    Projects projects;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Deployments deployments;

    @Autowired
    ProjectControls controls;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    AccountUser ann;
    AccountUser bob;
    ProjectSummary annsProject;
    UUID annsDeployment;

    @BeforeEach
    void twoUsersAndAProjectOfAnns() throws IOException {
        // Whoever signs up first is admin; this one makes sure it is neither Ann nor Bob.
        accounts.signUp("first-" + UUID.randomUUID(), PASSWORD);
        ann = accounts.signUp("ann-" + UUID.randomUUID(), PASSWORD);
        bob = accounts.signUp("bob-" + UUID.randomUUID(), PASSWORD);
        annsProject =
                projects.create(ann, "Anns Shop " + UUID.randomUUID().toString().substring(0, 8));
        Files.writeString(temp.resolve("index.html"), "<h1>ann</h1>");
        workspaces.commit(annsProject.id(), temp, "first");
        annsDeployment = UUID.randomUUID();
        // A finished deployment row stands in for a real build, which this test does not need.
        jdbc.update(
                "insert into deployment (id, project_id, version, state, created_at) values (?, ?, 1, 'FAILED', ?)",
                annsDeployment,
                annsProject.id(),
                Timestamp.from(Instant.now()));
    }

    /** Other tests in this shared database expect no deployments left behind. */
    @AfterEach
    void removeAnnsProject() {
        jdbc.update("delete from project where id = ?", annsProject.id());
    }

    @Test
    void bobsServicesDoNotSeeAnnsProject() {
        assertThat(ann.admin()).isFalse();
        assertThat(bob.admin()).isFalse();
        assertThat(projects.list(bob)).extracting(ProjectSummary::id).doesNotContain(annsProject.id());
        assertThat(projects.find(bob, annsProject.id())).isEmpty();
        assertThat(projects.findOwned(bob, annsProject.slug())).isEmpty();
        assertThat(deployments.find(bob, annsDeployment)).isEmpty();
        assertThat(deployments.detection(bob, annsDeployment)).isEmpty();
        assertThatThrownBy(() -> deployments.history(bob, annsProject.id())).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> deployments.latest(bob, annsProject.id())).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> controls.runtimeLogs(bob, annsProject.id(), 10))
                .isInstanceOf(ProjectNotFound.class);
    }

    @Test
    void bobsServicesCannotDeployStopOrDeleteAnnsProject() {
        assertThatThrownBy(() -> deployments.deploy(bob, annsProject.id(), 1)).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> deployments.rollback(bob, annsProject.id(), 1)).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> controls.stop(bob, annsProject.id())).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> controls.delete(bob, annsProject.id())).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> projects.delete(bob, annsProject.id())).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> projects.findOrCreate(bob, annsProject.slug())).isInstanceOf(ProjectNotFound.class);

        assertThat(jdbc.queryForObject(
                        "select count(*) from deployment where project_id = ?", Integer.class, annsProject.id()))
                .as("nothing was queued for Ann's project")
                .isEqualTo(1);
        assertThat(projects.find(ann, annsProject.id())).isPresent();
    }

    @Test
    void annAndTheAdminStillReachAnnsProject() {
        AccountUser admin = new AccountUser(UUID.randomUUID(), "admin", true);

        assertThat(projects.find(ann, annsProject.id())).isPresent();
        assertThat(deployments.find(ann, annsDeployment)).isPresent();
        assertThat(deployments.find(admin, annsDeployment)).isPresent();
        assertThat(projects.list(admin)).extracting(ProjectSummary::id).contains(annsProject.id());
    }

    @Test
    void bobsKeyGetsNotFoundForEveryApiCallOnAnnsProject() {
        String bobs = keys.create(bob, "test").key();
        String slug = annsProject.slug();

        for (HttpResponse<String> response : new HttpResponse[] {
            call("GET", "/projects/" + slug + "/deployments", bobs),
            call("GET", "/projects/" + slug + "/logs", bobs),
            call("POST", "/projects/" + slug + "/rollback/1", bobs),
            call("DELETE", "/projects/" + slug, bobs),
            call("GET", "/deployments/" + annsDeployment, bobs),
            call("GET", "/deployments/" + annsDeployment + "/log", bobs),
            call("GET", "/deployments/" + annsDeployment + "/log.txt", bobs),
            upload(slug, bobs),
            call("GET", "/projects/" + slug + "/versions", bobs),
            call("GET", "/projects/" + slug + "/versions/1/diff", bobs),
            call("POST", "/projects/" + slug + "/stop", bobs),
            call("POST", "/projects/" + slug + "/start", bobs),
            call("POST", "/projects/" + slug + "/restart", bobs),
            call("GET", "/projects/" + slug + "/limits", bobs),
            call("GET", "/projects/" + slug + "/env", bobs),
            post(slug + "/paste", "text/markdown", "```html\n<h1>bob was here</h1>\n```", bobs),
            post(slug + "/import", "application/json", "{\"url\": \"git://example.com/bob.git\"}", bobs)
        }) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
            assertThat(error(response)).isEqualTo("not_found");
            assertThat(response.body()).as("no data of Ann's").doesNotContain("first", "<h1>ann</h1>");
        }
        assertThat(projects.find(ann, annsProject.id())).isPresent();
        assertThat(workspaces.versions(annsProject.id()))
                .as("Bob's paste left no version")
                .hasSize(1);
    }

    @Test
    void bobsServicesCannotStartOrRestartAnnsProject() {
        assertThatThrownBy(() -> controls.start(bob, annsProject.id())).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> controls.restart(bob, annsProject.id())).isInstanceOf(ProjectNotFound.class);
    }

    @Test
    void annsKeyReachesHerProject() {
        String anns = keys.create(ann, "test").key();

        assertThat(call("GET", "/projects/" + annsProject.slug() + "/deployments", anns)
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/deployments/" + annsDeployment, anns).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRequestWithoutAKeyIsUnauthorizedInTheApiErrorFormat() {
        HttpResponse<String> response = call("GET", "/projects/" + annsProject.slug() + "/deployments", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response)).isEqualTo("unauthorized");
        assertThat(json(response).get("message").asString()).contains("API keys");
    }

    @Test
    void anUnknownKeyIsUnauthorized() {
        String madeUp = "dd_" + "x".repeat(43);

        assertThat(call("GET", "/deployments/" + annsDeployment, madeUp).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aRevokedKeyStopsWorking() {
        NewApiKey key = keys.create(ann, "soon revoked");
        String path = "/projects/" + annsProject.slug() + "/deployments";
        assertThat(call("GET", path, key.key()).statusCode()).isEqualTo(200);

        keys.revoke(ann, key.summary().id());

        HttpResponse<String> after = call("GET", path, key.key());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(error(after)).isEqualTo("unauthorized");
    }

    @Test
    void bobCannotRevokeAnnsKey() {
        NewApiKey key = keys.create(ann, "ann's");

        assertThat(keys.revoke(bob, key.summary().id())).isFalse();
        assertThat(keys.list(ann))
                .singleElement()
                .satisfies(k -> assertThat(k.active()).isTrue());
        assertThat(keys.list(bob)).isEmpty();
    }

    private HttpResponse<String> call(String method, String path, String key) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(api(path))).method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return Http.send(request);
    }

    private HttpResponse<String> upload(String slug, String key) {
        return Http.send(HttpRequest.newBuilder(URI.create(api("/projects/" + slug + "/deployments")))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {31, -117})));
    }

    private HttpResponse<String> post(String path, String type, String body, String key) {
        return Http.send(HttpRequest.newBuilder(URI.create(api("/projects/" + path)))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String api(String path) {
        return "http://localhost:" + port + "/api/v1" + path;
    }

    private static String error(HttpResponse<String> response) {
        return json(response).get("error").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }
}
