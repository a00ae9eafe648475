package dev.dropdeploy.sleep;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleepSettingsTest {

    @Test
    void everyChoiceThePageOffersIsAccepted() {
        SleepSettings.CHOICES.forEach(choice ->
                assertThatCode(() -> SleepSettings.requireSensible(choice)).doesNotThrowAnyException());
    }

    @Test
    void negativeTinyAndHugeIdleTimesAreRefusedWithTheRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SleepSettings.requireSensible(Duration.ofMinutes(-5)))
                .withMessageContaining("between 1 minute and 30 days");
        assertThatIllegalArgumentException().isThrownBy(() -> SleepSettings.requireSensible(Duration.ofSeconds(5)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SleepSettings.requireSensible(Duration.ofMinutes(Integer.MAX_VALUE)));
    }
}
