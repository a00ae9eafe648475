package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BuildQueueTest {

    final BuildQueue queue = new BuildQueue(
            new BuildLimits(2, Duration.ofMinutes(1), DataSize.ofMegabytes(256), 512, DataSize.ofMegabytes(5), 1));

    @Test
    void pruningRunsWhenNoBuildRuns() {
        AtomicBoolean ran = new AtomicBoolean();

        assertThat(queue.runWhileIdle(() -> ran.set(true))).isTrue();
        assertThat(ran).isTrue();
    }

    @Test
    void pruningDoesNotRunUnderARunningBuildAndTheBuildIsUnaffected() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> build = CompletableFuture.supplyAsync(() -> queue.run("shop", () -> {
            building.countDown();
            await(finish);
            return "built";
        }));
        assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ran = new AtomicBoolean();

        assertThat(queue.runWhileIdle(() -> ran.set(true))).isFalse();

        finish.countDown();
        assertThat(build.get(10, TimeUnit.SECONDS)).isEqualTo("built");
        assertThat(ran).isFalse();
        assertThat(queue.runWhileIdle(() -> ran.set(true))).isTrue();
    }

    @Test
    void aBuildAskedForDuringPruningStartsWhenPruningEnds() throws Exception {
        CountDownLatch pruning = new CountDownLatch(1);
        CountDownLatch endPruning = new CountDownLatch(1);
        AtomicBoolean prunedBeforeBuild = new AtomicBoolean();
        CompletableFuture<Boolean> prune = CompletableFuture.supplyAsync(() -> queue.runWhileIdle(() -> {
            pruning.countDown();
            await(endPruning);
            prunedBeforeBuild.set(true);
        }));
        assertThat(pruning.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> build =
                CompletableFuture.supplyAsync(() -> queue.run("shop", prunedBeforeBuild::get));
        assertThat(build).isNotDone();
        endPruning.countDown();

        assertThat(prune.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(build.get(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
