package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.support.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeploymentLogTest {

    final InMemoryStoredLog store = new InMemoryStoredLog();
    final DeploymentLog log = new DeploymentLog(
            store,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            Settings.outputLimits(Map.of(
                    "line-length", "1KB",
                    "stored-head-lines", "5",
                    "stored-tail-lines", "5",
                    "full-logs-per-project", "2",
                    "older-head-lines", "2",
                    "older-tail-lines", "3")));

    @Test
    void a_line_longer_than_the_limit_is_stored_cut_with_a_marker() {
        UUID id = deployment();

        log.append(id, "build", "z".repeat(1_000_000));
        log.finished(id);

        assertThat(text(id)).containsExactly("z".repeat(1024) + " … [line cut at 1 KiB]");
    }

    @Test
    void a_deployment_printing_many_lines_stores_its_first_and_last_lines_and_says_how_many_are_left_out() {
        UUID id = deployment();

        print(id, 1_000);
        log.finished(id);

        assertThat(store.count(id)).isEqualTo(10);
        assertThat(text(id))
                .containsExactly(
                        "line 1",
                        "line 2",
                        "line 3",
                        "line 4",
                        "line 5",
                        "… 990 lines omitted: stored logs keep their first and last lines …",
                        "line 996",
                        "line 997",
                        "line 998",
                        "line 999",
                        "line 1000");
    }

    @Test
    void the_stored_log_stays_bounded_while_the_deployment_still_prints() {
        UUID id = deployment();

        print(id, 950);
        List<String> midway = text(id);

        assertThat(midway).hasSize(11).endsWith("line 950");
        assertThat(store.count(id)).isEqualTo(10);
    }

    @Test
    void a_short_log_is_stored_whole_without_a_note() {
        UUID id = deployment();

        print(id, 10);
        log.finished(id);

        assertThat(text(id)).hasSize(10).doesNotContain("omitted");
    }

    @Test
    void only_the_newest_deployments_of_a_project_keep_their_log_and_older_ones_keep_less() {
        UUID oldest = finished(100);
        UUID older = finished(4);
        UUID previous = finished(100);
        UUID newest = deployment();
        print(newest, 100);

        log.finished(newest);

        assertThat(text(newest)).hasSize(11);
        assertThat(text(previous)).hasSize(11);
        assertThat(text(older)).hasSize(4);
        assertThat(text(oldest))
                .containsExactly(
                        "line 1",
                        "line 2",
                        "… 95 lines omitted: stored logs keep their first and last lines …",
                        "line 98",
                        "line 99",
                        "line 100");
    }

    @Test
    void a_follower_sees_every_line_and_one_that_fails_is_dropped_without_failing_the_deployment() {
        UUID id = deployment();
        List<String> seen = new ArrayList<>();
        log.follow(id, line -> seen.add(line.line()));
        log.follow(id, line -> {
            throw new IllegalStateException("The client went away");
        });

        print(id, 3);

        assertThat(seen).containsExactly("line 1", "line 2", "line 3");
    }

    private UUID deployment() {
        UUID id = UUID.randomUUID();
        store.newestFirst.addFirst(id);
        return id;
    }

    private UUID finished(int lines) {
        UUID id = deployment();
        print(id, lines);
        log.finished(id);
        return id;
    }

    private void print(UUID id, int lines) {
        IntStream.rangeClosed(1, lines).forEach(n -> log.append(id, "build", "line " + n));
    }

    private List<String> text(UUID id) {
        return log.lines(id).stream().map(LogLine::line).toList();
    }
}
