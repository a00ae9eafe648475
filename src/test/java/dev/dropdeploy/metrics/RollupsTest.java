package dev.dropdeploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupsTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration QUARTER = Duration.ofMinutes(15);

    static Sample point(Instant at, Double cpu, Long memory, int requests, int errors, int fastRequests) {
        int[] latency = LatencyBuckets.empty();
        latency[0] = fastRequests;
        return new Sample(at, cpu == null ? 0 : 1, cpu, memory, 512L, 100, 10, 0, requests, errors, latency);
    }

    @Test
    void pointsOfOneQuarterBecomeOnePointAtItsStart() {
        List<Sample> rolled = Rollups.byStep(
                List.of(
                        point(T.plusSeconds(60), 10.0, 100L, 5, 1, 5),
                        point(T.plusSeconds(120), 30.0, 300L, 7, 0, 7),
                        point(T.plus(QUARTER), 50.0, 200L, 1, 0, 1)),
                QUARTER);

        assertThat(rolled).hasSize(2);
        Sample first = rolled.getFirst();
        assertThat(first.at()).isEqualTo(T);
        assertThat(first.samples()).isEqualTo(2);
        assertThat(first.cpuPercent()).isEqualTo(20.0);
        assertThat(first.memoryBytes()).isEqualTo(300L);
        assertThat(first.requests()).isEqualTo(12);
        assertThat(first.errors()).isEqualTo(1);
        assertThat(first.rxBytes()).isEqualTo(200);
        assertThat(first.latency()[0]).isEqualTo(12);
        assertThat(rolled.get(1).at()).isEqualTo(T.plus(QUARTER));
    }

    @Test
    void cpuIsAveragedOverReadingsOnlyNotOverPointsWithoutAContainer() {
        Sample merged =
                Rollups.merge(T, List.of(point(T, 40.0, 10L, 0, 0, 0), point(T.plusSeconds(60), null, null, 3, 0, 3)));

        assertThat(merged.cpuPercent()).isEqualTo(40.0);
        assertThat(merged.memoryBytes()).isEqualTo(10L);
        assertThat(merged.requests()).isEqualTo(3);
    }

    @Test
    void aRollupOfRollupsWeighsEachByItsReadings() {
        Sample many = new Sample(T, 14, 10.0, 1L, 1L, 0, 0, 0, 0, 0, null);
        Sample one = new Sample(T.plusSeconds(900), 1, 160.0, 1L, 1L, 0, 0, 0, 0, 0, null);

        assertThat(Rollups.merge(T, List.of(many, one)).cpuPercent()).isEqualTo(20.0);
    }

    @Test
    void stepsAreCountedFromTheEpochSoEveryoneAgreesWhereTheyStart() {
        assertThat(Rollups.stepStart(Instant.parse("2026-11-22T10:14:59Z"), QUARTER))
                .isEqualTo(T);
        assertThat(Rollups.stepStart(Instant.parse("2026-11-22T10:15:00Z"), QUARTER))
                .isEqualTo(Instant.parse("2026-11-22T10:15:00Z"));
    }
}
