package dev.dropdeploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerMeterTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private final ContainerMeter meter = new ContainerMeter();

    private static ContainerReading reading(int second, long cpuSeconds, long rx, int restarts) {
        return new ContainerReading(T.plusSeconds(second), cpuSeconds * 1_000_000_000L, 3.0, 100, 512, rx, 0, restarts);
    }

    @Test
    void aFirstReadingTakesTheEnginesCpuFigureAndCountsNoTraffic() {
        ContainerMeter.Usage usage = meter.next("c1", reading(0, 100, 5_000, 0));

        assertThat(usage.cpuPercent()).isEqualTo(3.0);
        assertThat(usage.rxBytes()).isZero();
        assertThat(usage.memoryLimit()).isEqualTo(512);
    }

    @Test
    void cpuIsTheShareOfOneCpuOverTheWholeInterval() {
        meter.next("c1", reading(0, 100, 5_000, 0));

        ContainerMeter.Usage usage = meter.next("c1", reading(60, 130, 8_000, 1));

        assertThat(usage.cpuPercent()).isCloseTo(50.0, within(0.001));
        assertThat(usage.rxBytes()).isEqualTo(3_000);
        assertThat(usage.restarts()).isEqualTo(1);
    }

    @Test
    void aForgottenContainerStartsOverLikeANewOne() {
        meter.next("c1", reading(0, 100, 5_000, 0));
        meter.keepOnly(Set.of("c2"));

        assertThat(meter.next("c1", reading(60, 130, 8_000, 0)).rxBytes()).isZero();
    }
}
