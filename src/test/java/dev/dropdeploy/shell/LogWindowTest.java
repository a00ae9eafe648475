package dev.dropdeploy.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogWindowTest {

    final LogWindow window = new LogWindow(3);

    @Test
    void a_log_that_fits_is_shown_whole_without_a_note() {
        window.replace(List.of("a", "b"));
        window.add("c");

        assertThat(window.lines()).containsExactly("a", "b", "c");
        assertThat(window.note()).isEmpty();
    }

    @Test
    void a_chatty_app_leaves_only_the_last_lines_and_a_note_pointing_at_the_download() {
        IntStream.rangeClosed(1, 100_000).forEach(n -> window.add("line " + n));

        assertThat(window.lines()).containsExactly("line 99998", "line 99999", "line 100000");
        assertThat(window.note())
                .hasValueSatisfying(note -> assertThat(note)
                        .isEqualTo("Showing the last 3 of 100,000 lines; download the log for the rest."));
    }

    @Test
    void a_reload_starts_the_count_over() {
        IntStream.rangeClosed(1, 10).forEach(n -> window.add("line " + n));

        window.replace(List.of("fresh"));

        assertThat(window.lines()).containsExactly("fresh");
        assertThat(window.note()).isEmpty();
    }
}
