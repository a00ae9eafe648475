package dev.dropdeploy.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    final List<String> lines = new ArrayList<>();
    final LineSplitter splitter = new LineSplitter(16, lines::add);

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void short_lines_pass_as_they_are_without_their_line_ends() {
        splitter.accept(bytes("one\r\ntwo\n"));

        assertThat(lines).containsExactly("one", "two");
    }

    @Test
    void a_long_line_is_cut_at_the_limit_with_a_visible_marker_and_the_next_line_is_whole() {
        splitter.accept(bytes("x".repeat(100) + "\nnext\n"));

        assertThat(lines).containsExactly("x".repeat(16) + " … [line cut at 16 bytes]", "next");
    }

    @Test
    void a_line_that_never_ends_shows_once_it_reaches_the_limit_and_the_rest_is_dropped() {
        for (int i = 0; i < 100_000; i++) {
            splitter.accept(bytes("0123456789"));
        }

        assertThat(lines).containsExactly("0123456789012345 … [line cut at 16 bytes]");
        splitter.flush();
        assertThat(lines).hasSize(1);
    }

    @Test
    void a_cut_inside_a_multibyte_character_drops_the_half_character() {
        splitter.accept(bytes("a".repeat(15) + "ü\n"));

        assertThat(lines).containsExactly("a".repeat(15) + " … [line cut at 16 bytes]");
    }

    @Test
    void an_unterminated_last_line_is_passed_on_flush() {
        splitter.accept(bytes("Killed"));
        assertThat(lines).isEmpty();

        splitter.flush();

        assertThat(lines).containsExactly("Killed");
    }

    @Test
    void a_whole_string_is_capped_to_the_limit_and_says_so_in_kib() {
        String capped = LineSplitter.cap("y".repeat(10_000), 8192);

        assertThat(capped).startsWith("y".repeat(8192)).endsWith("… [line cut at 8 KiB]");
        assertThat(capped).hasSize(8192 + LineSplitter.marker(8192).length());
        assertThat(LineSplitter.cap("short", 8192)).isEqualTo("short");
    }
}
