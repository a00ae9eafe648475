package dev.dropdeploy.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinnedPostTest {

    @Test
    void theRequestNamesTheUrlsHostPathAndQueryAndTheBodysLength() {
        String head = PinnedPost.head(
                URI.create("https://hooks.example.com:8443/in/dd?team=1"),
                "hooks.example.com",
                8443,
                true,
                Map.of("X-DropDeploy-Event", "ping"),
                42);

        assertThat(head)
                .startsWith("POST /in/dd?team=1 HTTP/1.1\r\nHost: hooks.example.com:8443\r\n")
                .contains("Content-Length: 42\r\n", "Connection: close\r\n", "X-DropDeploy-Event: ping\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void theDefaultPortIsLeftOutOfTheHostHeaderAndAnEmptyPathIsTheRoot() {
        assertThat(PinnedPost.head(URI.create("http://hooks.example.com"), "hooks.example.com", 80, false, Map.of(), 0))
                .startsWith("POST / HTTP/1.1\r\nHost: hooks.example.com\r\n");
    }

    @Test
    void theStatusComesFromTheStatusLine() throws IOException {
        assertThat(PinnedPost.status(in("HTTP/1.1 204 No Content\r\n\r\n"))).isEqualTo(204);
        assertThat(PinnedPost.status(in("HTTP/1.0 503\r\n"))).isEqualTo(503);
    }

    @Test
    void anAnswerThatIsNotHttpIsAnErrorInWords() {
        assertThatThrownBy(() -> PinnedPost.status(in("SSH-2.0-OpenSSH_9.6\r\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not answer HTTP");
        assertThatThrownBy(() -> PinnedPost.status(in(""))).hasMessageContaining("nothing");
        assertThatThrownBy(() -> PinnedPost.status(in("x".repeat(10_000)))).hasMessageContaining("no status line");
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
