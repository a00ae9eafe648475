package dev.dropdeploy.workspace.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.support.FileDeploys;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;

/** Variables reach the running app, but neither the database, the image nor another user sees their values. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
class EnvironmentVariablesIT {

    static final int APP_PORT = TraefikForTests.freePort();
    static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);

    @DynamicPropertySource
    static void pointAtTraefik(DynamicPropertyRegistry registry) throws IOException {
        // A generated key, as an installation without DROPDEPLOY_SECRET_KEY has, but never in the real data dir.
        Path keyDir = Files.createTempDirectory("dd-secrets");
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.runtime.instance", () -> "test-" + UUID.randomUUID());
        registry.add("dropdeploy.secrets.key", () -> "");
        registry.add(
                "dropdeploy.secrets.key-file",
                () -> keyDir.resolve("secret.key").toString());
    }

    @Autowired
    Projects projects;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiKeys keys;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Deployments deployments;

    @Autowired
    ProjectControls controls;

    @Autowired
    EnvironmentVariables variables;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private AccountUser owner;
    private ProjectSummary project;

    @BeforeEach
    void signUp() {
        owner = accounts.signUp("env-" + UUID.randomUUID(), "correct horse battery");
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
    void theAppReadsItsVariablesAtRunTimeWhileTheDatabaseAndTheImageNeverHoldTheSecret()
            throws IOException, InterruptedException {
        project = projects.create(owner, "Env Probe");
        variables.set(owner, project.id(), "GREETING", "hello from env", false);
        variables.set(owner, project.id(), "API_TOKEN", "s3cr3t", true);

        DeploymentView live = deploy(Map.of("app.py", """
                import os
                from flask import Flask

                app = Flask(__name__)


                @app.route("/")
                def index():
                    token = os.environ.get("API_TOKEN", "")
                    return f"<p>{os.environ.get('GREETING')}</p><p>token length {len(token)}</p>"
                """, "requirements.txt", "Flask==3.1.0\ngunicorn==23.0.0\n"));

        assertThat(live.state()).as(live.reason()).isEqualTo(DeploymentState.LIVE);
        String page = get(project.slug() + ".localhost").body();
        assertThat(page).contains("hello from env").contains("token length 6").doesNotContain("s3cr3t");
        assertThat(jdbc.queryForList(
                        "select encrypted_value from environment_variable where project_id = ?",
                        String.class,
                        project.id()))
                .hasSize(2)
                .noneMatch(v -> v.contains("s3cr3t") || v.contains("hello from env"));
        assertThat(imageEnv("dd-app/" + project.slug() + ":v1"))
                .contains("PATH")
                .doesNotContain("API_TOKEN")
                .doesNotContain("s3cr3t");
    }

    @Test
    void theApiMasksSecretsAndAnotherUserCannotListOrSetTheVariables() {
        project = projects.create(owner, "Env Api");
        AccountUser other = accounts.signUp("other-" + UUID.randomUUID(), "correct horse battery");
        String ownerKey = keys.create(owner, "owner").key();
        String otherKey = keys.create(other, "other").key();
        String path = "/projects/" + project.slug() + "/env";

        assertThat(send("PUT", path + "/API_TOKEN", ownerKey, "{\"value\": \"s3cr3t\", \"secret\": true}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("PUT", path + "/GREETING", ownerKey, "{\"value\": \"hi\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> listed = send("GET", path, ownerKey, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body())
                .contains("API_TOKEN", "••••", "GREETING", "hi")
                .doesNotContain("s3cr3t");
        HttpResponse<String> reserved = send("PUT", path + "/PORT", ownerKey, "{\"value\": \"1\"}");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(reserved.body()).contains("\"error\"", "bad_request");

        assertThat(send("GET", path, otherKey, null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", path + "/API_TOKEN", otherKey, "{\"value\": \"mine\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", path + "/API_TOKEN", otherKey, null).statusCode())
                .isEqualTo(404);
        assertThatThrownBy(() -> variables.list(other, project.id())).isInstanceOf(ProjectNotFound.class);
        assertThatThrownBy(() -> variables.set(other, project.id(), "X", "y", false))
                .isInstanceOf(ProjectNotFound.class);
        assertThat(variables.forContainer(project.id())).containsEntry("API_TOKEN", "s3cr3t");

        assertThat(send("DELETE", path + "/API_TOKEN", ownerKey, null).statusCode())
                .isEqualTo(204);
        assertThat(variables.list(owner, project.id()))
                .extracting(EnvironmentVariable::name)
                .containsExactly("GREETING");
    }

    private DeploymentView deploy(Map<String, String> files) throws IOException {
        return FileDeploys.deploy(workspaces, deployments, owner, project.id(), files);
    }

    private HttpResponse<String> send(String method, String path, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + key)
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request);
    }

    private static String imageEnv(String image) throws IOException, InterruptedException {
        Process inspect = new ProcessBuilder(
                        List.of("docker", "image", "inspect", "--format", "{{json .Config.Env}}", image))
                .redirectErrorStream(true)
                .start();
        String out = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(inspect.waitFor()).as(out).isZero();
        return out;
    }

    /** Waits briefly for Traefik, whose poll may lag the table by a second. */
    private static HttpResponse<String> get(String host) {
        String entry = "http://localhost:" + TRAEFIK.getMappedPort(80) + "/";
        HttpResponse<String> response = Http.getWithHost(entry, host);
        for (int i = 0; i < 20 && response.statusCode() != 200; i++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response = Http.getWithHost(entry, host);
        }
        return response;
    }
}
