package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.support.MovableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeployRateLimitTest {

    private final MovableClock clock = new MovableClock();
    private final DeployRateLimit limit =
            new DeployRateLimit(new ApiProperties(3, org.springframework.util.unit.DataSize.ofMegabytes(2)), clock);
    private final UUID alice = UUID.randomUUID();

    @Test
    void theFourthDeployWithinAMinuteIsRefusedWithTheWait() {
        limit.acquire(alice);
        clock.advance(Duration.ofSeconds(10));
        limit.acquire(alice);
        limit.acquire(alice);

        assertThatThrownBy(() -> limit.acquire(alice))
                .isInstanceOfSatisfying(
                        DeployRateLimit.Limited.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.retryAfterSeconds)
                                .isEqualTo(51));
    }

    @Test
    void theWindowSlidesSoAnOldStartStopsCounting() {
        limit.acquire(alice);
        limit.acquire(alice);
        limit.acquire(alice);
        clock.advance(Duration.ofSeconds(61));

        assertThatCode(() -> limit.acquire(alice)).doesNotThrowAnyException();
    }

    @Test
    void usersDoNotShareALimit() {
        limit.acquire(alice);
        limit.acquire(alice);
        limit.acquire(alice);

        assertThatCode(() -> limit.acquire(UUID.randomUUID())).doesNotThrowAnyException();
    }
}
