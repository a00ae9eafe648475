package dev.dropdeploy.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text of a paste request: {@code {"text": "..."}} as JSON, or the body itself as {@code text/markdown} or {@code
 * text/plain}. Read here rather than by Spring's converters so that a wrong type or a body over the limit gets the
 * API's own error, not a servlet error page.
 */
final class PasteBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PasteBodies() {}

    /**
     * @throws Unsupported when the content type is none of JSON, Markdown or plain text
     * @throws TooLarge when the body is longer than {@code limit} bytes; nothing beyond the limit is read
     * @throws IllegalArgumentException when JSON does not hold a {@code text} string
     */
    static String text(String contentType, InputStream body, long limit) throws IOException {
        MediaType type = type(contentType);
        String content = new String(bounded(body, limit), StandardCharsets.UTF_8);
        return type.isCompatibleWith(MediaType.APPLICATION_JSON) ? fromJson(content) : content;
    }

    private static MediaType type(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType == null ? "" : contentType);
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.TEXT_MARKDOWN)
                    || type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
                return type;
            }
        } catch (IllegalArgumentException unreadable) {
            // answered below like any other type this endpoint does not take
        }
        throw new Unsupported("Send the paste as JSON {\"text\": \"...\"} (Content-Type: application/json) or as the"
                + " body itself (Content-Type: text/markdown)");
    }

    private static byte[] bounded(InputStream body, long limit) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
            throw new TooLarge("The paste is larger than the " + (limit >> 10) + " KB limit; upload the files as a"
                    + " zip instead");
        }
        return bytes;
    }

    private static String fromJson(String content) {
        JsonNode text;
        try {
            text = JSON.readTree(content).get("text");
        } catch (JacksonException e) {
            text = null;
        }
        if (text == null || !text.isString()) {
            throw new IllegalArgumentException("Send {\"text\": \"...\"} with the pasted code as a string");
        }
        return text.asString();
    }

    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }
}
