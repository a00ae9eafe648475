package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.support.CliScript;
import dev.dropdeploy.support.CliScript.Run;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A script's whole journey through the API and the {@code ./dropdeploy} CLI against a running installation: upload or
 * paste, follow the log, get the link, list and diff versions, roll back, stop, start, restart, and refusals that
 * say why.
 */
class ApiEndToEndIT extends LiveInstallationIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    ApiKeys keys;

    @TempDir
    Path temp;

    String key;

    @BeforeAll
    void aKeyOfTheOwners() {
        key = keys.create(owner, "e2e").key();
    }

    @Test
    void aScriptCreatesAProjectUploadsAZipFollowsTheLogAndOpensTheLink() throws Exception {
        AccountUser user = accounts.signUp("api-" + UUID.randomUUID(), "correct horse battery");
        String key = keys.create(user, "e2e").key();

        HttpResponse<String> created = send(key, "POST", "/projects", "application/json", "{\"name\":\"Api Shop\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("slug").asString()).isEqualTo("api-shop");

        HttpResponse<String> queued =
                sendBytes(key, "/projects/api-shop/deployments", zip("shop/index.html", "<h1>shop from a script</h1>"));
        assertThat(queued.statusCode()).isEqualTo(202);
        String id = JSON.readTree(queued.body()).get("id").asString();

        String stream =
                send(key, "GET", "/deployments/" + id + "/log", null, null).body();
        assertThat(stream).contains("event:log").contains("Detected static").contains("event:done");

        JsonNode deployment = JSON.readTree(
                        send(key, "GET", "/deployments/" + id, null, null).body())
                .get("deployment");
        assertThat(deployment.get("state").asString()).isEqualTo("LIVE");
        assertThat(deployment.get("url").asString())
                .isEqualTo("http://api-shop.localhost:" + TRAEFIK.getMappedPort(80));
        assertThat(page(deployment.get("url").asString())).contains("shop from a script");

        JsonNode listed =
                JSON.readTree(send(key, "GET", "/projects", null, null).body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("live").get("id").asString()).isEqualTo(id);
        assertThat(send(key, "DELETE", "/projects/api-shop", null, null).statusCode())
                .isEqualTo(204);
        assertThat(send(key, "GET", "/projects/api-shop", null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPasteGoesLiveItsVersionsAreListedAndDiffedAndRollbackStopStartAndRestartWork() throws Exception {
        HttpResponse<String> first = send(
                key, "POST", "/projects/Api%20Paste/paste", "text/markdown", "```html\n<h1>first paste</h1>\n```\n");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode pasted = JSON.readTree(first.body());
        assertThat(pasted.get("version").asInt()).isEqualTo(1);
        assertThat(pasted.get("summary").asString()).startsWith("Recognised 1 file");
        String url = followToLive(pasted.get("deployment").get("id").asString())
                .get("url")
                .asString();
        assertThat(page(url)).contains("first paste");

        HttpResponse<String> second = send(
                key,
                "POST",
                "/projects/api-paste/paste",
                "application/json",
                "{\"text\": \"```html\\n<h1>second paste</h1>\\n```\"}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        followToLive(JSON.readTree(second.body()).get("deployment").get("id").asString());
        assertThat(page(url)).contains("second paste");

        JsonNode versions = JSON.readTree(
                send(key, "GET", "/projects/api-paste/versions", null, null).body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("number").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("live").asBoolean()).isTrue();
        assertThat(versions.get(1).get("lastDeployment").asString()).isEqualTo("SUPERSEDED");
        assertThat(page(versions.get(1).get("url").asString())).contains("first paste");
        assertThat(send(key, "GET", "/projects/api-paste/versions/2/diff", null, null)
                        .body())
                .contains("- <h1>first paste</h1>")
                .contains("+ <h1>second paste</h1>");

        JsonNode rolledBack = started("/projects/api-paste/rollback/1");
        assertThat(rolledBack.get("version").asInt()).isEqualTo(1);
        assertThat(page(url)).contains("first paste");

        assertThat(send(key, "POST", "/projects/api-paste/stop", null, null).statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Http.send(Http.toApp(url)).statusCode() == 404);
        HttpResponse<String> nothingLive = send(key, "POST", "/projects/api-paste/restart", null, null);
        assertThat(nothingLive.statusCode()).isEqualTo(409);
        assertThat(message(nothingLive)).contains("Nothing to restart");

        JsonNode started = started("/projects/api-paste/start");
        assertThat(started.get("version").asInt())
                .as("the version that was live before the stop")
                .isEqualTo(1);
        assertThat(page(url)).contains("first paste");

        JsonNode restarted = started("/projects/api-paste/restart");
        assertThat(restarted.get("id").asString())
                .isNotEqualTo(started.get("id").asString());
        assertThat(page(url)).contains("first paste");
    }

    @Test
    void refusedInputsAnswerInTheOneErrorFormatAndLeaveNoProjectBehind() throws Exception {
        String key = keyOfANewUser();
        HttpResponse<String> empty = send(key, "POST", "/projects/never-made/paste", "text/markdown", "   \n");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("error").asString()).isEqualTo("bad_request");
        assertThat(message(empty)).isEqualTo("The paste is empty");

        HttpResponse<String> zip = send(key, "POST", "/projects/never-made/paste", "application/zip", "PK");
        assertThat(zip.statusCode()).isEqualTo(415);
        assertThat(message(zip)).contains("text/markdown");

        HttpResponse<String> plainHttp = send(
                key,
                "POST",
                "/projects/never-made/import",
                "application/json",
                "{\"url\": \"git://example.com/repo.git\"}");
        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(message(plainHttp)).startsWith("Only https:// Git URLs can be imported");

        HttpResponse<String> notJson =
                send(key, "POST", "/projects/never-made/import", "text/plain", "git://example.com/repo.git");
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(message(notJson)).contains("application/json");

        HttpResponse<String> badVersion = send(key, "GET", "/projects/never-made/versions/two/diff", null, null);
        assertThat(badVersion.statusCode()).isEqualTo(400);
        assertThat(message(badVersion)).isEqualTo("'two' is not a valid version");

        assertThat(send(key, "GET", "/projects/never-made", null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCliPastesAFileListsVersionsStopsStartsAndSetsEnvironmentVariables() throws Exception {
        Path file = Files.writeString(temp.resolve("page.html"), "<h1>pasted by the cli</h1>\n");

        Run paste = cli(key, "paste", file.toString(), "--name", "cli-paste");
        assertThat(paste.exit()).as(paste.toString()).isZero();
        String url = "http://cli-paste.localhost:" + TRAEFIK.getMappedPort(80);
        assertThat(paste.out()).contains("Recognised 1 file").contains("Live: " + url);
        assertThat(page(url)).contains("pasted by the cli");

        Run versions = cli(key, "versions", "cli-paste");
        assertThat(versions.out()).as(versions.toString()).contains("v1\tLIVE");

        Run stop = cli(key, "stop", "cli-paste");
        assertThat(stop.exit()).as(stop.toString()).isZero();
        assertThat(stop.out()).contains("stopped cli-paste");
        Run start = cli(key, "start", "cli-paste");
        assertThat(start.exit()).as(start.toString()).isZero();
        assertThat(start.out()).contains("Live: " + url);

        assertThat(cli(key, "env", "set", "cli-paste", "GREETING=hello world").exit())
                .isZero();
        Run secret = cli(key, "env", "set", "cli-paste", "TOKEN=s3cret", "--secret");
        assertThat(secret.exit()).as(secret.toString()).isZero();
        Run env = cli(key, "env", "list", "cli-paste");
        assertThat(env.out())
                .contains("GREETING=hello world")
                .contains("TOKEN=")
                .doesNotContain("s3cret");
        assertThat(cli(key, "env", "unset", "cli-paste", "GREETING").exit()).isZero();
        assertThat(cli(key, "env", "list", "cli-paste").out()).doesNotContain("GREETING");
    }

    @Test
    void everyRefusalPrintsTheServersOwnMessageAndExitsNonZero() throws Exception {
        String key = keyOfANewUser();
        Path blank = Files.writeString(temp.resolve("blank.md"), "  \n");
        String serverSays = message(send(key, "POST", "/projects/cli-refused/paste", "text/markdown", "  \n"));
        Run emptyPaste = cli(key, "paste", blank.toString(), "--name", "cli-refused");
        assertThat(emptyPaste.exit()).isNotZero();
        assertThat(emptyPaste.err()).contains(serverSays);

        Run unknown = cli(key, "versions", "no-such-project");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains(message(send(key, "GET", "/projects/no-such-project", null, null)));

        Run plainHttp = cli(key, "import", "git://example.com/repo.git");
        assertThat(plainHttp.exit()).isNotZero();
        assertThat(plainHttp.err()).contains("Only https:// Git URLs can be imported");

        String madeUp = "dd_" + "x".repeat(43);
        Run badKey = cli(madeUp, "versions", "cli-refused");
        assertThat(badKey.exit()).isNotZero();
        assertThat(badKey.err()).contains(message(send(madeUp, "GET", "/projects", null, null)));

        assertThat(send(key, "GET", "/projects/cli-refused", null, null).statusCode())
                .as("a refused paste leaves no project")
                .isEqualTo(404);
        assertThat(send(key, "GET", "/projects/repo", null, null).statusCode())
                .as("a refused import leaves no project")
                .isEqualTo(404);
    }

    /** Refusals count against a user's deployments a minute too, so they are made by someone other than the owner. */
    private String keyOfANewUser() {
        return keys.create(accounts.signUp("refused-" + UUID.randomUUID(), "correct horse battery"), "refusals")
                .key();
    }

    private Run cli(String apiKey, String... args) throws IOException, InterruptedException {
        return new CliScript("http://localhost:" + APP_PORT, temp).run(apiKey, args);
    }

    /** Posts to an endpoint that starts a deployment and follows that to live. */
    private JsonNode started(String path) throws IOException, InterruptedException {
        HttpResponse<String> accepted = send(key, "POST", path, null, null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return followToLive(JSON.readTree(accepted.body()).get("id").asString());
    }

    /** Follows the log stream to its end, then reads the deployment, which must be live. */
    private JsonNode followToLive(String id) throws IOException, InterruptedException {
        assertThat(send(key, "GET", "/deployments/" + id + "/log", null, null).body())
                .contains("event:done");
        JsonNode deployment = JSON.readTree(
                        send(key, "GET", "/deployments/" + id, null, null).body())
                .get("deployment");
        assertThat(deployment.get("state").asString()).as(deployment.toString()).isEqualTo("LIVE");
        return deployment;
    }

    private static String page(String url) {
        return Http.send(Http.toApp(url)).body();
    }

    private static String message(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("message").asString();
    }

    private static HttpResponse<String> send(String key, String method, String path, String type, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofMinutes(3))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendBytes(String key, String path, byte[] zip)
            throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A zip with one wrapper folder, as "Download ZIP" buttons make them. */
    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String base() {
        return "http://localhost:" + APP_PORT + "/api/v1";
    }
}
