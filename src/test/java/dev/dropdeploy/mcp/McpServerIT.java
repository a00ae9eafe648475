package dev.dropdeploy.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.chat.FakeOpenAi;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MCP server as an AI assistant uses it: the SDK's own client over streamable HTTP, signed in with an API key,
 * against a live installation whose apps answer through Traefik and whose chat talks to a scripted model.
 */
class McpServerIT extends LiveInstallationIT {

    static final FakeOpenAi MODEL = FakeOpenAi.start();

    @DynamicPropertySource
    static void scriptedModel(DynamicPropertyRegistry registry) {
        MODEL.registerAsTheModel(registry);
    }

    @Autowired
    ApiKeys keys;

    private String key;

    @BeforeAll
    void aKeyOfTheOwners() {
        key = keys.create(owner, "mcp").key();
    }

    @AfterAll
    void stopTheModel() {
        MODEL.close();
    }

    @Test
    void theToolsAreListedWithTheirInputs() {
        try (McpSyncClient client = client(key)) {
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder(
                            "deploy_paste", "deploy_files", "chat_turn", "logs", "status", "rollback");
            assertThat(client.listTools().tools())
                    .filteredOn(t -> t.name().equals("deploy_paste"))
                    .singleElement()
                    .satisfies(t -> assertThat(
                                    (java.util.List<Object>) t.inputSchema().get("required"))
                            .containsExactly("project", "markdown"));
        }
    }

    @Test
    void aPasteGoesLiveAtALinkThatServesThePageThenStatusLogsFilesAndRollbackWork() {
        try (McpSyncClient client = client(key)) {
            CallToolResult pasted = call(
                    client,
                    "deploy_paste",
                    Map.of("project", "Mcp Paste", "markdown", "```html\n<h1>pasted by an assistant</h1>\n```\n"));

            assertThat(pasted.isError()).as(text(pasted)).isFalse();
            String url = "http://mcp-paste.localhost:" + TRAEFIK.getMappedPort(80);
            assertThat(text(pasted)).contains("Recognised 1 file").contains("Live: " + url);
            assertThat(structured(pasted)).containsEntry("state", "LIVE").containsEntry("version", 1);
            assertThat(page(url)).contains("pasted by an assistant");

            CallToolResult status = call(client, "status", Map.of());
            assertThat(text(status)).contains("mcp-paste: live at " + url + " (version 1)");

            CallToolResult logs = call(client, "logs", Map.of("project", "mcp-paste"));
            assertThat(logs.isError()).as(text(logs)).isFalse();
            assertThat(text(logs)).contains("Deployment of version 1: LIVE").contains("[detect]");

            CallToolResult files = call(
                    client,
                    "deploy_files",
                    Map.of(
                            "project",
                            "mcp-paste",
                            "files",
                            Map.of("index.html", "<h1>files from an assistant</h1>", "css/site.css", "h1{}")));
            assertThat(files.isError()).as(text(files)).isFalse();
            assertThat(structured(files)).containsEntry("version", 2);
            assertThat(page(url)).contains("files from an assistant");

            CallToolResult back = call(client, "rollback", Map.of("project", "mcp-paste", "version", 1));
            assertThat(back.isError()).as(text(back)).isFalse();
            assertThat(text(back)).contains("Live: " + url);
            assertThat(page(url)).contains("pasted by an assistant");
        }
    }

    @Test
    void aChatTurnAnswersChangesTheFilesAndDeploysThem() {
        projects.create(owner, "Mcp Chat");
        MODEL.answer("""
                A greeting page it is.

                <file path="index.html">
                <!doctype html>
                <title>Hi</title>
                <h1>hello from the chat tool</h1>
                </file>

                <summary>A static greeting page (index.html).</summary>
                """);

        try (McpSyncClient client = client(key)) {
            CallToolResult turn =
                    call(client, "chat_turn", Map.of("project", "mcp-chat", "message", "a page that greets me"));

            assertThat(turn.isError()).as(text(turn)).isFalse();
            String url = "http://mcp-chat.localhost:" + TRAEFIK.getMappedPort(80);
            assertThat(text(turn))
                    .contains("A greeting page it is.")
                    .contains("- index.html added")
                    .contains("Live: " + url + " (version 1)")
                    .doesNotContain("<h1>");
            assertThat(page(url)).contains("hello from the chat tool");
        }
    }

    @Test
    void aCallWithoutAKeyOrWithAWrongOneIsRefusedWith401() throws Exception {
        for (String authorization : new String[] {null, "Bearer dd_" + "x".repeat(43)}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP_PORT + "/mcp"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                            + "\"params\":{\"name\":\"status\",\"arguments\":{}}}"));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = Http.send(request);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.body()).contains("\"error\":\"unauthorized\"");
        }
        try (McpSyncClient client = client("dd_" + "y".repeat(43))) {
            assertThatThrownBy(client::initialize).hasStackTraceContaining("401");
        }
    }

    @Test
    void anotherUsersProjectIsRefusedByEveryTool() throws Exception {
        projects.create(owner, "Mcp Private");
        String stranger = keys.create(accounts.signUp("stranger-" + UUID.randomUUID(), "correct horse battery"), "mcp")
                .key();

        try (McpSyncClient client = client(stranger)) {
            for (var call : Map.of(
                            "logs", Map.<String, Object>of("project", "mcp-private"),
                            "rollback", Map.<String, Object>of("project", "mcp-private", "version", 1),
                            "chat_turn", Map.<String, Object>of("project", "mcp-private", "message", "undo"),
                            "deploy_paste", Map.<String, Object>of("project", "mcp-private", "markdown", "<h1>x</h1>"))
                    .entrySet()) {
                CallToolResult refused = call(client, call.getKey(), call.getValue());

                assertThat(refused.isError()).as(call.getKey()).isTrue();
                assertThat(text(refused))
                        .as(call.getKey())
                        .contains("mcp-private")
                        .doesNotContain("Exception");
            }
            assertThat(text(call(client, "status", Map.of()))).isEqualTo("No projects yet.");
        }
    }

    @Test
    void hostileInputsAreToolErrorsWithThePlainReason() {
        try (McpSyncClient client = client(key)) {
            CallToolResult escaping =
                    call(client, "deploy_files", Map.of("project", "mcp-hostile", "files", Map.of("../../etc/x", "x")));
            assertThat(escaping.isError()).isTrue();
            assertThat(text(escaping)).contains("points outside the project");

            CallToolResult huge = call(
                    client,
                    "deploy_paste",
                    Map.of("project", "mcp-hostile", "markdown", "x".repeat(2 * 1024 * 1024 + 1)));
            assertThat(huge.isError()).isTrue();
            assertThat(text(huge)).contains("KB limit");

            CallToolResult missing = call(client, "rollback", Map.of("project", "mcp-hostile"));
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).contains("version");

            assertThat(projects.findOwned(owner, "mcp-hostile"))
                    .as("a refused input leaves no project")
                    .isEmpty();
        }
    }

    private McpSyncClient client(String apiKey) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://localhost:" + APP_PORT)
                .endpoint("/mcp")
                .httpRequestCustomizer(
                        (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + apiKey))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofMinutes(12)).build();
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static String text(CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .reduce("", String::concat);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    /** The app's page through Traefik, once its route is in (Traefik reads the routing every second). */
    private static String page(String url) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> Http.send(Http.toApp(url)), r -> r.statusCode() == 200)
                .body();
    }
}
