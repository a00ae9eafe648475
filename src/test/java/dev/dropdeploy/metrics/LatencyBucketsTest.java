package dev.dropdeploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void traefikIsConfiguredWithTheBucketsPointsAreStoredIn() throws IOException {
        String config = Files.readString(Path.of("traefik/traefik.yml"));
        Matcher buckets = Pattern.compile("buckets: \\[([^]]*)]").matcher(config);

        assertThat(buckets.find()).isTrue();
        double[] configured = Arrays.stream(buckets.group(1).split(","))
                .mapToDouble(b -> Double.parseDouble(b.strip()))
                .toArray();
        assertThat(configured).containsExactly(LatencyBuckets.BOUNDS);
    }

    @Test
    void noRequestsHaveNoPercentile() {
        assertThat(LatencyBuckets.quantileMillis(LatencyBuckets.empty(), 0.95)).isNull();
    }

    @Test
    void aPercentileIsInterpolatedInsideItsBucket() {
        int[] counts = LatencyBuckets.empty();
        counts[4] = 100; // all between 50 and 100 ms

        assertThat(LatencyBuckets.quantileMillis(counts, 0.5)).isCloseTo(75.0, within(0.01));
        assertThat(LatencyBuckets.quantileMillis(counts, 0.95)).isCloseTo(97.5, within(0.01));
    }

    @Test
    void aSlowTailMovesTheP95ButNotTheMedian() {
        int[] counts = LatencyBuckets.empty();
        counts[0] = 90; // up to 5 ms
        counts[8] = 10; // 1 to 2.5 s

        assertThat(LatencyBuckets.quantileMillis(counts, 0.5)).isLessThan(5.0);
        assertThat(LatencyBuckets.quantileMillis(counts, 0.95)).isBetween(1000.0, 2500.0);
    }

    @Test
    void requestsSlowerThanTheLastBoundCountAsTheLastBound() {
        int[] counts = LatencyBuckets.empty();
        counts[LatencyBuckets.SIZE - 1] = 3;

        assertThat(LatencyBuckets.quantileMillis(counts, 0.5)).isEqualTo(10_000.0);
    }

    @Test
    void traefiksBoundsAreFoundAndUnknownOnesAreNot() {
        assertThat(LatencyBuckets.indexOf("0.005")).isZero();
        assertThat(LatencyBuckets.indexOf("2.5")).isEqualTo(8);
        assertThat(LatencyBuckets.indexOf("+Inf")).isEqualTo(LatencyBuckets.BOUNDS.length);
        assertThat(LatencyBuckets.indexOf("0.3")).isEqualTo(-1);
        assertThat(LatencyBuckets.indexOf("fast")).isEqualTo(-1);
    }
}
