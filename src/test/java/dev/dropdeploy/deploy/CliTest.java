package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dropdeploy.support.CliScript;
import dev.dropdeploy.support.CliScript.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ./dropdeploy} script's API commands against a scripted server: what it sends, how it reads answers and
 * the event stream, and that every refusal ends with the server's message and a non-zero exit. ApiEndToEndIT runs
 * the same script against a real installation.
 */
class CliTest {

    private static final String KEY = "dd_test-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> received = new ConcurrentHashMap<>();

    record Answer(int status, String type, String body) {}

    @BeforeEach
    void startTheServer() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")), "the script's jq (./dropdeploy installs it with apt)");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        answer("GET /actuator/health", 200, "application/json", "{\"status\":\"UP\"}");
    }

    @AfterEach
    void stopTheServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void pasteSendsTheFileFollowsTheLogAndPrintsTheLiveLink() throws Exception {
        Path file = Files.writeString(temp.resolve("page.html"), "<h1>hi</h1>\n");
        answer("POST /api/v1/projects/my%20app/paste", 202, "application/json", """
                {"deployment": {"id": "d1"}, "version": 1, "summary": "Recognised 1 file:\\n- index.html"}""");
        answer("GET /api/v1/deployments/d1/log", 200, "text/event-stream", """
                event:log
                data:{"phase":"build","line":"Step 1 \\u001b[31mred \\"quoted\\"","at":"t"}

                event:done
                data:{"id":"d1","state":"LIVE","url":"http://my-app.localhost"}

                """);

        Run run = cli(null, "paste", file.toString(), "--name", "my app");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(received.get("POST /api/v1/projects/my%20app/paste")).isEqualTo("<h1>hi</h1>\n");
        assertThat(received.get("type POST /api/v1/projects/my%20app/paste")).startsWith("text/markdown");
        assertThat(run.out())
                .contains("Recognised 1 file:\n- index.html")
                .contains("[build] Step 1  [31mred \"quoted\"")
                .contains("Live: http://my-app.localhost")
                .doesNotContain("\u001b");
    }

    @Test
    void aRefusalPrintsTheServersMessageAndExitsNonZero() throws Exception {
        answer("GET /api/v1/projects/nope/versions", 404, "application/json", """
                {"error": "not_found", "message": "No project named nope"}""");

        Run run = cli(null, "versions", "nope");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("No project named nope (HTTP 404)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotTheErrorFormatIsShownAsItCame() throws Exception {
        answer("POST /api/v1/projects/shop/stop", 502, "text/html", "<html>bad gateway</html>");

        Run run = cli(null, "stop", "shop");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("<html>bad gateway</html> (HTTP 502)");
        assertThat(run.out()).doesNotContain("stopped");
    }

    @Test
    void aRefusedStartEndsThereWithoutFollowingAnything() throws Exception {
        answer("POST /api/v1/projects/shop/start", 409, "application/json", """
                {"error": "conflict", "message": "Nothing to start: no version of this project was ever built"}""");

        Run run = cli(null, "start", "shop");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Nothing to start").doesNotContain("deployments/");
        assertThat(received).doesNotContainKey("GET /api/v1/deployments//log");
    }

    @Test
    void aFailedDeploymentPrintsItsReasonAndExitsNonZero() throws Exception {
        answer("POST /api/v1/projects/shop/restart", 202, "application/json", "{\"id\": \"d2\"}");
        answer("GET /api/v1/deployments/d2/log", 200, "text/event-stream", """
                event:done
                data:{"id":"d2","state":"FAILED","reason":"Your app listens on 127.0.0.1:5000"}

                """);

        Run run = cli(null, "restart", "shop");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Failed: Your app listens on 127.0.0.1:5000");
    }

    @Test
    void chatStreamsTheAnswerTheFilesAndTheTimelineAndPrintsTheLink() throws Exception {
        answer("POST /api/v1/projects/shop/chat", 200, "text/event-stream", """
                event:text
                data:{"text":"Making it \\u001b[31mgreen"}

                event:text
                data:{"text":" now.\\nDone"}

                event:files
                data:{"version":2,"files":[{"path":"index.html","change":"changed","linesAdded":1,"linesRemoved":1}]}

                event:step
                data:{"line":"Detected static site · building the image"}

                event:live
                data:{"version":2,"url":"http://shop.localhost","versionUrl":"http://v2--shop.localhost","runPage":false}

                event:done
                data:{"live":true,"failed":false,"version":2,"url":"http://shop.localhost"}

                """);

        Run run = cli(null, "chat", "shop", "make the \"button\" green");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(JSON.readTree(received.get("POST /api/v1/projects/shop/chat"))
                        .get("message")
                        .asString())
                .isEqualTo("make the \"button\" green");
        assertThat(received.get("type POST /api/v1/projects/shop/chat")).startsWith("application/json");
        assertThat(run.out())
                .startsWith("Making it  [31mgreen now.\nDone")
                .contains("Version 2: index.html changed +1 -1")
                .contains("* Detected static site · building the image")
                .endsWith("Live: http://shop.localhost\n")
                .doesNotContain("\u001b");
    }

    @Test
    void aRefusedChatPrintsTheServersMessageAndAFailedDeploymentExitsNonZero() throws Exception {
        answer("POST /api/v1/projects/nope/chat", 404, "application/json", """
                {"error": "not_found", "message": "No project named nope"}""");
        answer("POST /api/v1/projects/shop/chat", 200, "text/event-stream", """
                event:note
                data:{"text":"Version 3 did not go live: the app exited"}

                event:done
                data:{"live":false,"failed":true}

                """);

        Run refused = cli(null, "chat", "nope", "hello");
        Run failed = cli(null, "chat", "shop", "break it");
        Run usage = cli(null, "chat", "shop");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("No project named nope");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("Version 3 did not go live: the app exited");
        assertThat(failed.err()).contains("did not go live");
        assertThat(usage.exit()).isNotZero();
        assertThat(usage.err()).contains("usage: ./dropdeploy chat NAME");
    }

    @Test
    void aSecretFromStandardInputGoesInTheBodyOnly() throws Exception {
        answer("PUT /api/v1/projects/shop/env/TOKEN", 204, "application/json", "");

        Run run = cli("s3cret \"quoted\"\n", "env", "set", "shop", "TOKEN", "--secret");

        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode sent = JSON.readTree(received.get("PUT /api/v1/projects/shop/env/TOKEN"));
        assertThat(sent.get("value").asString()).isEqualTo("s3cret \"quoted\"\n");
        assertThat(sent.get("secret").asBoolean()).isTrue();
        assertThat(run.out()).contains("set TOKEN").doesNotContain("s3cret");
    }

    @Test
    void importSendsTheUrlAndTheBranchOnlyWhenOneIsGiven() throws Exception {
        answer("POST /api/v1/projects/repo/import", 202, "application/json", """
                {"deployment": {"id": "d3"}, "version": 4, "message": "Imported from x@main abc1234"}""");
        answer("GET /api/v1/deployments/d3/log", 200, "text/event-stream", """
                event:done
                data:{"id":"d3","state":"LIVE","url":"http://repo.localhost"}

                """);

        Run defaultBranch = cli(null, "import", "https://git.example/owner/repo.git");
        JsonNode sent = JSON.readTree(received.get("POST /api/v1/projects/repo/import"));
        Run branch = cli(null, "import", "https://git.example/owner/repo.git", "--branch", "dev");
        JsonNode withBranch = JSON.readTree(received.get("POST /api/v1/projects/repo/import"));

        assertThat(defaultBranch.exit()).as(defaultBranch.toString()).isZero();
        assertThat(defaultBranch.out())
                .contains("Version 4: Imported from x@main abc1234", "Live: http://repo.localhost");
        assertThat(sent.get("url").asString()).isEqualTo("https://git.example/owner/repo.git");
        assertThat(sent.get("branch").isNull()).isTrue();
        assertThat(branch.exit()).isZero();
        assertThat(withBranch.get("branch").asString()).isEqualTo("dev");
    }

    @Test
    void envListShowsWhatTheServerShows() throws Exception {
        answer("GET /api/v1/projects/shop/env", 200, "application/json", """
                [{"name": "GREETING", "shownValue": "hello world", "secret": false, "updatedAt": "t"},
                 {"name": "TOKEN", "shownValue": "••••", "secret": true, "updatedAt": "t"}]""");

        Run run = cli(null, "env", "list", "shop");

        assertThat(run.out()).isEqualTo("GREETING=hello world\nTOKEN=••••  (secret)\n");
    }

    @Test
    void diffAndLogsPrintWhatTheServerSendsAsText() throws Exception {
        answer("GET /api/v1/projects/shop/versions/3/diff", 200, "text/plain", "=== index.html\n+ <h1>v3</h1>\n");
        answer("GET /api/v1/projects/shop/logs", 200, "text/plain", "listening on 8080\n");

        Run diff = cli(null, "diff", "shop", "3", "--from", "1");
        Run logs = cli(null, "logs", "shop");

        assertThat(diff.out()).isEqualTo("=== index.html\n+ <h1>v3</h1>\n");
        assertThat(received.get("query GET /api/v1/projects/shop/versions/3/diff"))
                .isEqualTo("from=1");
        assertThat(logs.out()).isEqualTo("listening on 8080\n");
    }

    @Test
    void namesAreEncodedSoTheyCannotReachAnotherPath() throws Exception {
        answer("GET /api/v1/projects/..%2Fdeployments/versions", 200, "application/json", "[]");

        Run run = cli(null, "versions", "../deployments");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(received).containsKey("GET /api/v1/projects/..%2Fdeployments/versions");
    }

    @Test
    void withoutAKeyItSaysHowToCreateOne() throws Exception {
        Run run =
                new CliScript("http://127.0.0.1:" + server.getAddress().getPort(), temp).run(null, "versions", "shop");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("No API key").contains("API keys");
    }

    private void answer(String request, int status, String type, String body) {
        answers.put(request, new Answer(status, type, body));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        received.put(request, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.put(
                "type " + request, String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        received.put("query " + request, String.valueOf(exchange.getRequestURI().getRawQuery()));
        Answer answer = answers.get(request);
        if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                && !request.startsWith("GET /actuator")) {
            answer = new Answer(401, "application/json", "{\"error\":\"unauthorized\",\"message\":\"bad key\"}");
        }
        if (answer == null) {
            answer = new Answer(404, "text/plain", "no such test route: " + request);
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.type());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Run cli(String stdin, String... args) throws IOException, InterruptedException {
        return new CliScript("http://127.0.0.1:" + server.getAddress().getPort(), temp).runWithInput(KEY, stdin, args);
    }
}
