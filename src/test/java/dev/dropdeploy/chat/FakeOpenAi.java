package dev.dropdeploy.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An OpenAI-compatible endpoint on loopback that streams scripted answers the way the real API does: Server-Sent
 * Events of {@code chat.completion.chunk}s, a finish reason, a usage chunk and {@code [DONE]}. Tests script one answer
 * per expected model call and read back the requests the real LangChain4j client sent.
 */
public final class FakeOpenAi implements AutoCloseable {

    private record Script(String text, String finishReason) {}

    private final HttpServer server;
    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Instant lastTokenAt;

    private FakeOpenAi(HttpServer server) {
        this.server = server;
    }

    public static FakeOpenAi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeOpenAi fake = new FakeOpenAi(server);
            server.createContext("/v1/chat/completions", fake::complete);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1";
    }

    /** Points DropDeploy's chat at this server (any key and model name do). */
    public void registerAsTheModel(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("dropdeploy.llm.base-url", this::baseUrl);
        registry.add("dropdeploy.llm.api-key", () -> "test-key");
        registry.add("dropdeploy.llm.model", () -> "fake-model");
    }

    /** The next call answers {@code text} and stops. */
    public FakeOpenAi answer(String text) {
        scripts.add(new Script(text, "stop"));
        return this;
    }

    /** The next call answers {@code text} and reports that the output limit cut it off. */
    public FakeOpenAi answerCutOff(String text) {
        scripts.add(new Script(text, "length"));
        return this;
    }

    /** Request bodies (JSON), oldest first. */
    public List<String> requests() {
        return requests;
    }

    public int unusedScripts() {
        return scripts.size();
    }

    public Instant lastTokenAt() {
        return lastTokenAt;
    }

    private void complete(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(body);
        Script script = scripts.poll();
        if (script == null) {
            script = new Script("(the test scripted no answer for this call)", "stop");
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String text = script.text();
            for (int i = 0; i < text.length(); i += 40) {
                String piece = text.substring(i, Math.min(text.length(), i + 40));
                event(out, chunk("{\"content\":" + json(piece) + "}", "null"));
            }
            lastTokenAt = Instant.now();
            event(out, chunk("{}", json(script.finishReason())));
            event(
                    out,
                    "{\"id\":\"fake\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                            + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + (body.length() / 4)
                            + ",\"completion_tokens\":"
                            + (text.length() / 4 + 1) + ",\"total_tokens\":"
                            + (body.length() / 4 + text.length() / 4 + 1)
                            + "}}");
            event(out, "[DONE]");
        }
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"fake\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
