package dev.dropdeploy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.runtime.RuntimeProperties;
import dev.dropdeploy.support.FileDeploys;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real apps keeping real data: a Flask todo list on its own PostgreSQL, a Node counter on Valkey, a SQLite file in the
 * data folder; across redeploys, rollbacks and services that stop; and one project's database out of another's reach.
 */
class DataServicesIT extends LiveInstallationIT {

    private static final String TODO_REQUIREMENTS = "flask==3.1.2\npsycopg[binary]==3.2.3\n";

    /** A todo list whose title line names its version, so a test can tell which version answered. */
    private static final String TODO_APP = """
            import os, socket
            from flask import Flask, request
            import psycopg

            app = Flask(__name__)

            def db(url=None):
                return psycopg.connect(url or os.environ["DATABASE_URL"], autocommit=True, connect_timeout=3)

            with db() as c:
                c.execute("CREATE TABLE IF NOT EXISTS todo (id serial PRIMARY KEY, title text NOT NULL)")

            @app.get("/")
            def index():
                with db() as c:
                    rows = c.execute("SELECT title FROM todo ORDER BY id").fetchall()
                return "%s: " + ",".join(r[0] for r in rows)

            @app.post("/todos")
            def add():
                with db() as c:
                    c.execute("INSERT INTO todo (title) VALUES (%%s)", (request.form["title"],))
                return "ok"

            @app.get("/reach")
            def reach():
                try:
                    socket.create_connection((request.args["host"], 5432), timeout=3).close()
                    return "reached"
                except OSError as e:
                    return "blocked: " + str(e)

            @app.get("/login")
            def login():
                try:
                    db(request.args["url"]).close()
                    return "logged in"
                except Exception as e:
                    return "refused: " + str(e)

            if __name__ == "__main__":
                app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 8080)))
            """;

    @Autowired
    DataServices data;

    @Autowired
    DataStartup startup;

    @Autowired
    FolderQuotas quotas;

    @Autowired
    EnvironmentVariables environment;

    @Autowired
    RuntimeProperties runtime;

    @Test
    void aFlaskTodoListKeepsItsTodosAcrossARedeployARollbackAndItsDatabaseRestarting() throws Exception {
        ProjectSummary project = newProject("Todo Keeper");
        data.attach(owner, project.id(), DataKind.POSTGRES);
        DeploymentView v1 = live(deploy(project, todoApp("Todos v1")));
        assertThat(post(at(v1, "todos"), "title=milk").statusCode()).isEqualTo(200);
        assertThat(post(at(v1, "todos"), "title=bread").statusCode()).isEqualTo(200);

        DeploymentView v2 = live(deploy(project, todoApp("Todos v2")));
        assertThat(body(v2.url())).isEqualTo("Todos v2: milk,bread");

        live(deployments.awaitFinal(
                owner, deployments.rollback(owner, project.id(), v1.version()).id(), Duration.ofMinutes(2)));
        assertThat(body(v1.url())).as("code rolls back, data does not").isEqualTo("Todos v1: milk,bread");

        docker("stop", dataName(project, "postgres"));
        startup.ensureServicesRun();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(body(v1.url())).isEqualTo("Todos v1: milk,bread"));
    }

    @Test
    void oneProjectReachesNeitherAnotherProjectsDatabaseNorLogsInWithItsCredentials() throws Exception {
        ProjectSummary victim = newProject("Vault");
        ProjectSummary attacker = newProject("Prober");
        data.attach(owner, victim.id(), DataKind.POSTGRES);
        data.attach(owner, attacker.id(), DataKind.POSTGRES);
        live(deploy(victim, todoApp("Vault")));
        DeploymentView probe = live(deploy(attacker, todoApp("Prober")));
        String victimAddress = docker(
                        "inspect",
                        "-f",
                        "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                        dataName(victim, "postgres"))
                .strip();

        assertThat(body(at(probe, "reach?host=postgres")))
                .as("its own database, the control")
                .isEqualTo("reached");
        assertThat(body(at(probe, "reach?host=") + victimAddress)).startsWith("blocked");
        String stolen = environment.forContainer(victim.id()).get("DATABASE_URL");
        assertThat(body(at(probe, "login?url=") + java.net.URLEncoder.encode(stolen, StandardCharsets.UTF_8)))
                .as("the victim's credentials against the only server it reaches")
                .startsWith("refused");
    }

    @Test
    void anExportedDatabaseImportsIntoAnotherProject() throws Exception {
        ProjectSummary source = newProject("Export Source");
        ProjectSummary target = newProject("Import Target");
        data.attach(owner, source.id(), DataKind.POSTGRES);
        data.attach(owner, target.id(), DataKind.POSTGRES);
        DeploymentView from = live(deploy(source, todoApp("From")));
        post(at(from, "todos"), "title=moved");
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        data.exportDatabase(owner, source.id(), dump);
        assertThat(new String(dump.toByteArray(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("PGDMP");

        Path file = Files.createTempFile("dd-it-", ".dump");
        Files.write(file, dump.toByteArray());
        data.importDatabase(owner, target.id(), file);
        DeploymentView to = live(deploy(target, todoApp("To")));

        assertThat(body(to.url())).isEqualTo("To: moved");
        Path junk = Files.writeString(Files.createTempFile("dd-it-", ".dump"), "not a dump");
        assertThatThrownBy(() -> data.importDatabase(owner, target.id(), junk))
                .hasMessageContaining("Not a pg_dump custom-format archive");
        assertThat(body(to.url())).as("a refused import loses nothing").isEqualTo("To: moved");
    }

    @Test
    void aNodeCounterOnValkeyKeepsCountingAcrossARedeploy() throws Exception {
        ProjectSummary project = newProject("Counter");
        data.attach(owner, project.id(), DataKind.VALKEY);
        DeploymentView v1 = live(deploy(project, counterApp("one")));
        assertThat(body(at(v1, "count"))).isEqualTo("one 1");
        assertThat(body(at(v1, "count"))).isEqualTo("one 2");

        DeploymentView v2 = live(deploy(project, counterApp("two")));

        assertThat(body(at(v2, "count"))).isEqualTo("two 3");
    }

    @Test
    void aSqliteFileInTheDataFolderOutlivesItsVersionAndCanBeDownloaded() throws Exception {
        ProjectSummary project = newProject("Notebook");
        data.attach(owner, project.id(), DataKind.FOLDER);
        DeploymentView v1 = live(deploy(project, FileDeploys.notebookApp("first")));
        assertThat(body(at(v1, "visit"))).isEqualTo("first 1");

        DeploymentView v2 = live(deploy(project, FileDeploys.notebookApp("second")));
        assertThat(body(at(v2, "visit"))).isEqualTo("second 2");

        quotas.measureAll();
        AttachedData folder = data.list(owner, project.id()).stream()
                .filter(d -> d.kind() == DataKind.FOLDER)
                .findFirst()
                .orElseThrow();
        assertThat(folder.usedBytes()).isGreaterThan(4096);
        assertThat(archiveEntries(project)).contains("data/notes.db");
    }

    @Test
    void aProjectWithDataIsDeletedOnlyWhenItsOwnerSaysItsDataGoesToo() throws Exception {
        ProjectSummary project = newProject("Short Lived");
        data.attach(owner, project.id(), DataKind.POSTGRES);
        live(deploy(project, todoApp("Short")));

        assertThatThrownBy(() -> controls.delete(owner, project.id())).hasMessageContaining("keeps data");
        assertThat(data.hasData(project.id())).isTrue();

        controls.delete(owner, project.id(), true);
        assertThat(docker("volume", "ls", "-q", "--filter", "name=" + dataName(project, "")))
                .isBlank();
        assertThat(docker("ps", "-aq", "--filter", "name=" + dataName(project, "")))
                .isBlank();
    }

    @Test
    void theDatabasePasswordIsInNoImageLayerAndNoImageSetting() throws Exception {
        ProjectSummary project = newProject("Layer Check");
        data.attach(owner, project.id(), DataKind.POSTGRES);
        DeploymentView live = live(deploy(project, todoApp("Layers")));
        String password = environment.forContainer(project.id()).get("PGPASSWORD");

        String image = live.image();
        assertThat(docker("image", "inspect", image)).doesNotContain(password);
        assertThat(docker("history", "--no-trunc", image)).doesNotContain(password);
        Path saved = Files.createTempFile("dd-it-image-", ".tar");
        docker("save", "-o", saved.toString(), image);
        assertThat(containsBytes(saved, password.getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        Files.delete(saved);
    }

    /** The engine's name of a project's service container or volume in this test installation. */
    private String dataName(ProjectSummary project, String what) {
        return "dds-" + runtime.instance() + "-" + project.slug() + "-" + what;
    }

    private static Map<String, String> todoApp(String title) {
        return Map.of("requirements.txt", TODO_REQUIREMENTS, "app.py", TODO_APP.formatted(title));
    }

    private static Map<String, String> counterApp(String name) {
        return Map.of(
                "package.json",
                "{\"name\":\"counter\",\"scripts\":{\"start\":\"node server.js\"},"
                        + "\"dependencies\":{\"redis\":\"4.7.0\"}}",
                "server.js",
                """
                const http = require("http");
                const { createClient } = require("redis");
                const store = createClient({ url: process.env.REDIS_URL });
                store.connect().then(() => {
                  http.createServer(async (req, res) => {
                    if (req.url !== "/count") { res.end("ok"); return; }
                    res.end("%s " + (await store.incr("visits")));
                  }).listen(process.env.PORT || 8080, "0.0.0.0");
                });
                """.formatted(name));
    }

    private static DeploymentView live(DeploymentView deployment) {
        assertThat(deployment.state()).as(String.valueOf(deployment.reason())).isEqualTo(DeploymentState.LIVE);
        return deployment;
    }

    private static String body(String url) {
        return Http.send(Http.toApp(url)).body();
    }

    /** A path of the project's live address (a deployment's URL has no trailing slash). */
    private static String at(DeploymentView deployment, String path) {
        return deployment.url().replaceFirst("/$", "") + "/" + path;
    }

    private static HttpResponse<String> post(String url, String form) {
        return Http.send(Http.toApp(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private List<String> archiveEntries(ProjectSummary project) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        data.archiveFolder(owner, project.id(), tar);
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in =
                new TarArchiveInputStream(new java.io.ByteArrayInputStream(tar.toByteArray()))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static boolean containsBytes(Path file, byte[] needle) throws IOException {
        byte[] all = Files.readAllBytes(file);
        outer:
        for (int i = 0; i + needle.length <= all.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (all[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
