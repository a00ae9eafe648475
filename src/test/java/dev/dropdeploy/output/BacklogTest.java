package dev.dropdeploy.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BacklogTest {

    final Backlog<Integer> backlog = new Backlog<>(3);

    @Test
    void a_reader_that_keeps_up_gets_everything_in_order() {
        backlog.offer(1);
        backlog.offer(2);

        assertThat(backlog.drain()).isEqualTo(new Backlog.Batch<>(0, java.util.List.of(1, 2)));
        assertThat(backlog.drain().isEmpty()).isTrue();
    }

    @Test
    void a_reader_that_never_reads_holds_only_the_newest_items_and_a_count_of_the_skipped() {
        for (int i = 1; i <= 1_000_000; i++) {
            backlog.offer(i);
        }

        Backlog.Batch<Integer> batch = backlog.drain();

        assertThat(batch.items()).containsExactly(999_998, 999_999, 1_000_000);
        assertThat(batch.skipped()).isEqualTo(999_997);
    }

    @Test
    void only_the_first_offer_into_an_empty_backlog_asks_for_a_drain() {
        assertThat(backlog.offer(1)).isTrue();
        assertThat(backlog.offer(2)).isFalse();
        backlog.drain();
        assertThat(backlog.offer(3)).isTrue();
    }

    @Test
    void a_waiting_reader_wakes_up_when_an_item_arrives() throws Exception {
        CompletableFuture<Backlog.Batch<Integer>> read = CompletableFuture.supplyAsync(() -> {
            try {
                return backlog.await(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        backlog.offer(7);

        assertThat(read.get(10, TimeUnit.SECONDS).items()).containsExactly(7);
    }

    @Test
    void the_skipped_note_names_the_count() {
        assertThat(Backlog.skippedNote(1234)).contains("1,234 lines skipped");
    }
}
