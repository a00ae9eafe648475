package dev.dropdeploy.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.support.CliScript;
import dev.dropdeploy.support.CliScript.Run;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Chat turns over the API and the CLI: the chat page's own turn, streamed as events, against a scripted model. */
class ChatApiIT extends LiveInstallationIT {

    static final FakeOpenAi MODEL = FakeOpenAi.start();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void scriptedModel(DynamicPropertyRegistry registry) {
        MODEL.registerAsTheModel(registry);
    }

    @Autowired
    ApiKeys keys;

    @TempDir
    Path temp;

    private String key;

    @BeforeAll
    void aKeyOfTheOwners() {
        key = keys.create(owner, "chat").key();
    }

    @AfterAll
    void stopTheModel() {
        MODEL.close();
    }

    @Test
    void aTurnStreamsTheAnswerTheFilesTheTimelineAndTheLinkThenUndoBringsTheFirstVersionBack() {
        newProject("Api Chat");
        String url = "http://api-chat.localhost:" + TRAEFIK.getMappedPort(80);
        MODEL.answer(Scripts.CALCULATOR);

        HttpResponse<String> first =
                post("/projects/api-chat/chat", "{\"message\": \"build me a mortgage calculator\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(first.body())
                .contains("event:text\ndata:{\"text\":")
                .contains("mortgage calculator")
                .contains("event:files\ndata:{\"")
                .contains("\"path\":\"index.html\"")
                .contains("event:step\ndata:{\"line\":\"Detected static")
                .contains("event:live\n")
                .doesNotContain("<file");
        assertThat(lastEvent(first.body()))
                .isEqualTo("event:done\ndata:{\"live\":true,\"failed\":false,\"version\":1,\"url\":\"" + url + "\"}");
        assertThat(page(url)).contains("background: #2563eb");

        MODEL.answer(Scripts.GREEN_BUTTON);
        assertThat(post("/projects/api-chat/chat", "{\"message\": \"make the button green\"}")
                        .body())
                .contains("\"version\":2");
        assertThat(page(url)).contains("background: #16a34a");

        HttpResponse<String> undo = post("/projects/api-chat/chat/undo", null);

        assertThat(lastEvent(undo.body())).contains("\"live\":true").contains("\"version\":1");
        assertThat(page(url)).contains("background: #2563eb");
        assertThat(MODEL.unusedScripts()).isZero();
    }

    @Test
    void refusalsComeInTheOneErrorFormatBeforeAnyStream() {
        newProject("Api Chat Refusals");
        String stranger = keys.create(accounts.signUp("stranger-" + UUID.randomUUID(), "correct horse battery"), "x")
                .key();

        HttpResponse<String> blank = post(key, "/projects/api-chat-refusals/chat", "{\"message\": \"  \"}");
        HttpResponse<String> notJson = post(key, "/projects/api-chat-refusals/chat", "message");
        HttpResponse<String> others = post(stranger, "/projects/api-chat-refusals/chat", "{\"message\": \"undo\"}");
        HttpResponse<String> missing = post(key, "/projects/no-such-chat/chat/undo", null);

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(blank.body()).get("error").asString()).isEqualTo("bad_request");
        assertThat(message(blank)).contains("{\"message\": \"...\"}");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(message(others)).isEqualTo("No project named api-chat-refusals");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(post(null, "/projects/api-chat-refusals/chat", "{\"message\": \"undo\"}")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theCliStreamsTheAnswerPrintsTheLinkAndExitsNonZeroWithTheServersMessageOnARefusal() throws Exception {
        newProject("Cli Chat");
        MODEL.answer(Scripts.CALCULATOR);

        Run turn = cli(key, "chat", "cli-chat", "build me a mortgage calculator");

        assertThat(turn.exit()).as(turn.toString()).isZero();
        String url = "http://cli-chat.localhost:" + TRAEFIK.getMappedPort(80);
        assertThat(turn.out())
                .contains("I'll build a mortgage calculator")
                .contains("Version 1: index.html added +")
                .contains("* Detected static")
                .endsWith("Live: " + url + "\n");
        assertThat(page(url)).contains("Mortgage calculator");

        Run refused = cli(key, "chat", "no-such-chat", "hello");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("No project named no-such-chat");

        Run noUndo = cli(key, "chat", "cli-chat", "undo");
        assertThat(noUndo.exit()).as(noUndo.toString()).isZero();
        assertThat(noUndo.out()).contains("There is no earlier version to go back to.");
    }

    private HttpResponse<String> post(String path, String json) {
        return post(key, path, json);
    }

    private static HttpResponse<String> post(String apiKey, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + APP_PORT + "/api/v1" + path))
                .timeout(Duration.ofMinutes(10))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            // Not Http.send: a turn streams for longer than its ten-second timeout.
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastEvent(String stream) {
        String[] events = stream.strip().split("\n\n");
        return events[events.length - 1];
    }

    private static String message(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("message").asString();
    }

    private Run cli(String apiKey, String... args) throws Exception {
        return new CliScript("http://localhost:" + APP_PORT, temp).run(apiKey, args);
    }

    private static String page(String url) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> Http.send(Http.toApp(url)), r -> r.statusCode() == 200)
                .body();
    }
}
