package dev.dropdeploy.sleep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.dropdeploy.deploy.SleepingApps;
import dev.dropdeploy.support.MovableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WakesTest {

    private final SleepingApps sleeping = mock(SleepingApps.class);
    private final MovableClock clock = new MovableClock();
    private final Wakes wakes = new Wakes(
            sleeping,
            new SleepProperties(
                    Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(5), 1, Duration.ofSeconds(30)),
            clock);

    @Test
    void aFloodOfRequestsWakesTheProjectOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        when(sleeping.wake("blog")).thenAnswer(call -> {
            release.await();
            return true;
        });

        var joined = IntStream.range(0, 50).mapToObj(i -> wakes.of("blog")).toList();
        release.countDown();

        assertThat(joined).allMatch(wake -> wake == joined.getFirst());
        assertThat(joined.getFirst().get()).isTrue();
        verify(sleeping, times(1)).wake("blog");
    }

    @Test
    void afterAFailedWakeRequestsAreTurnedAwayForAWhileThenTriedAgain() throws Exception {
        when(sleeping.wake("blog")).thenReturn(false);
        CompletableFuture<Boolean> first = wakes.of("blog");
        assertThat(first.get()).isFalse();
        await().until(() -> wakes.of("blog").isDone());

        assertThat(wakes.of("blog").get()).isFalse();
        verify(sleeping, times(1)).wake("blog");

        clock.advance(Duration.ofSeconds(31));
        when(sleeping.wake("blog")).thenReturn(true);
        assertThat(wakes.of("blog").get()).isTrue();
        verify(sleeping, times(2)).wake("blog");
    }

    @Test
    void aWakeThatThrowsCountsAsFailedAndAnswersEveryWaiter() throws Exception {
        when(sleeping.wake("blog")).thenThrow(new IllegalStateException("engine away"));

        assertThat(wakes.of("blog").get()).isFalse();
    }
}
