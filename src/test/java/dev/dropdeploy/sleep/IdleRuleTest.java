package dev.dropdeploy.sleep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleRuleTest {

    private static final Instant AWAKE = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void anAppWithoutRequestsSleepsOnceItsIdleTimeHasPassedSinceItWasAwake() {
        assertThat(IdleRule.idle(HOUR, AWAKE, Optional.empty(), AWAKE.plus(HOUR).minusSeconds(1)))
                .isFalse();
        assertThat(IdleRule.idle(HOUR, AWAKE, Optional.empty(), AWAKE.plus(HOUR)))
                .isTrue();
    }

    @Test
    void aRequestRestartsTheIdleTime() {
        Instant request = AWAKE.plus(Duration.ofMinutes(50));

        assertThat(IdleRule.idle(HOUR, AWAKE, Optional.of(request), AWAKE.plus(Duration.ofMinutes(70))))
                .isFalse();
        assertThat(IdleRule.idle(HOUR, AWAKE, Optional.of(request), request.plus(HOUR)))
                .isTrue();
    }

    @Test
    void aRequestFromBeforeTheAppWokeDoesNotMakeItSleepAtOnce() {
        Instant longAgo = AWAKE.minus(Duration.ofDays(2));

        assertThat(IdleRule.idle(HOUR, AWAKE, Optional.of(longAgo), AWAKE.plusSeconds(1)))
                .isFalse();
    }

    @Test
    void zeroMeansNeverWhateverTheQuiet() {
        assertThat(IdleRule.idle(Duration.ZERO, AWAKE, Optional.empty(), AWAKE.plus(Duration.ofDays(365))))
                .isFalse();
    }

    @Test
    void aProjectsOwnIdleTimeWinsOverTheInstallationsAndZeroThereMeansNever() {
        assertThat(IdleRule.idleTime(Optional.of(Duration.ofMinutes(15)), HOUR)).isEqualTo(Duration.ofMinutes(15));
        assertThat(IdleRule.idleTime(Optional.empty(), HOUR)).isEqualTo(HOUR);
        assertThat(IdleRule.idleTime(Optional.of(Duration.ZERO), HOUR)).isZero();
    }
}
