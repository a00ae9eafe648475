package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasteBodiesTest {

    private static final long LIMIT = 1024;

    @Test
    void jsonGivesItsTextField() throws IOException {
        assertThat(read("application/json", "{\"text\": \"```html\\n<h1>hi</h1>\\n```\"}"))
                .isEqualTo("```html\n<h1>hi</h1>\n```");
    }

    @Test
    void markdownAndPlainTextAreTheBodyItselfInUtf8() throws IOException {
        assertThat(read("text/markdown; charset=utf-8", "# Grüße\n")).isEqualTo("# Grüße\n");
        assertThat(read("text/plain", "print('hi')")).isEqualTo("print('hi')");
    }

    @Test
    void jsonWithoutATextStringIsRefusedWithWhatToSend() {
        for (String body : new String[] {"{\"txt\": \"x\"}", "{\"text\": 42}", "[1]", "not json", ""}) {
            assertThatThrownBy(() -> read("application/json", body))
                    .as(body)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("{\"text\": \"...\"}");
        }
    }

    @Test
    void otherOrMissingContentTypesAreRefusedBeforeTheBodyIsRead() {
        for (String type : new String[] {"application/zip", "application/x-www-form-urlencoded", "", null, "%%"}) {
            assertThatThrownBy(() -> read(type, "x"))
                    .as(String.valueOf(type))
                    .isInstanceOf(PasteBodies.Unsupported.class)
                    .hasMessageContaining("text/markdown");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws IOException {
        assertThat(read("text/markdown", "a".repeat((int) LIMIT))).hasSize((int) LIMIT);
        assertThatThrownBy(() -> read("text/markdown", "a".repeat((int) LIMIT + 1)))
                .isInstanceOf(PasteBodies.TooLarge.class)
                .hasMessageContaining("1 KB limit");
    }

    private static String read(String type, String body) throws IOException {
        return PasteBodies.text(type, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), LIMIT);
    }
}
