package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    final List<String> lines = new ArrayList<>();
    final LogLines splitter = new LogLines(lines::add, 8192);

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_frame_with_several_lines_gives_several_lines() {
        splitter.accept(StreamType.STDOUT, bytes("one\ntwo\r\nthree\n"));

        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void a_line_split_across_frames_is_joined() {
        splitter.accept(StreamType.STDOUT, bytes("hel"));
        splitter.accept(StreamType.STDOUT, bytes("lo\n"));

        assertThat(lines).containsExactly("hello");
    }

    @Test
    void a_multibyte_character_split_across_frames_survives() {
        byte[] word = bytes("grüß\n");
        splitter.accept(StreamType.STDOUT, Arrays.copyOfRange(word, 0, 3));
        splitter.accept(StreamType.STDOUT, Arrays.copyOfRange(word, 3, word.length));

        assertThat(lines).containsExactly("grüß");
    }

    @Test
    void stdout_and_stderr_do_not_mix_within_a_line() {
        splitter.accept(StreamType.STDOUT, bytes("out-"));
        splitter.accept(StreamType.STDERR, bytes("err\n"));
        splitter.accept(StreamType.STDOUT, bytes("line\n"));

        assertThat(lines).containsExactly("err", "out-line");
    }

    @Test
    void an_unterminated_last_line_is_emitted_on_flush() {
        splitter.accept(StreamType.STDERR, bytes("Killed"));
        assertThat(lines).isEmpty();

        splitter.flush();

        assertThat(lines).containsExactly("Killed");
    }

    @Test
    void an_app_printing_an_endless_line_gives_one_line_cut_at_the_limit() {
        LogLines small = new LogLines(lines::add, 1024);
        for (int i = 0; i < 10_000; i++) {
            small.accept(StreamType.STDOUT, bytes("a".repeat(1000)));
        }
        small.accept(StreamType.STDOUT, bytes("\nafter\n"));

        assertThat(lines).containsExactly("a".repeat(1024) + " … [line cut at 1 KiB]", "after");
    }
}
