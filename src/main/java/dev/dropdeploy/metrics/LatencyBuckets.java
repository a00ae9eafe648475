package dev.dropdeploy.metrics;

import java.util.Arrays;

/**
 * The latency histogram every point carries: counts of requests per bucket (not cumulative), one more than there are
 * upper bounds for the requests slower than the last. Traefik's {@code metrics.prometheus.buckets} in
 * traefik/traefik.yml must list the same bounds ({@code LatencyBucketsTest} compares them); keeping counts instead of
 * percentiles is what lets a rollup or a chart's wider step compute an exact p95 of the whole window.
 */
final class LatencyBuckets {

    /** Upper bounds in seconds. */
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    static final int SIZE = BOUNDS.length + 1;

    private LatencyBuckets() {}

    static int[] empty() {
        return new int[SIZE];
    }

    static int[] sum(int[] a, int[] b) {
        int[] sum = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            sum[i] = at(a, i) + at(b, i);
        }
        return sum;
    }

    /**
     * The {@code quantile} (0 to 1) in milliseconds, interpolated linearly inside its bucket as Prometheus'
     * {@code histogram_quantile} does; {@code null} without requests. Requests beyond the last bound count as taking it.
     */
    static Double quantileMillis(int[] counts, double quantile) {
        long total = Arrays.stream(counts).asLongStream().sum();
        if (total == 0) {
            return null;
        }
        double rank = quantile * total;
        long below = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            long inBucket = at(counts, i);
            if (inBucket > 0 && below + inBucket >= rank) {
                double lower = i == 0 ? 0 : BOUNDS[i - 1];
                double share = (rank - below) / inBucket;
                return (lower + (BOUNDS[i] - lower) * share) * 1000;
            }
            below += inBucket;
        }
        return BOUNDS[BOUNDS.length - 1] * 1000;
    }

    /** The bucket an upper bound from Traefik's {@code le} label belongs to, or -1 for one we do not keep. */
    static int indexOf(String le) {
        if ("+Inf".equals(le)) {
            return BOUNDS.length;
        }
        try {
            double bound = Double.parseDouble(le);
            for (int i = 0; i < BOUNDS.length; i++) {
                if (Math.abs(BOUNDS[i] - bound) < 1e-9) {
                    return i;
                }
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static int at(int[] counts, int i) {
        return counts != null && i < counts.length ? counts[i] : 0;
    }
}
