package dev.dropdeploy.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * What an app did during one step of a chart. Container figures are {@code null} when it was not read in that step;
 * latencies are {@code null} without requests.
 *
 * @param at the step's start
 * @param cpuPercent mean share of one CPU (100 = one whole CPU)
 * @param memoryBytes peak memory in use, without the page cache
 * @param memoryLimit the container's memory limit
 * @param errors requests answered with a 5xx status
 */
public record MetricPoint(
        Instant at,
        Duration step,
        Double cpuPercent,
        Long memoryBytes,
        Long memoryLimit,
        long rxBytes,
        long txBytes,
        int restarts,
        int requests,
        int errors,
        Double p50Millis,
        Double p95Millis) {

    public double requestsPerMinute() {
        return requests * 60_000.0 / Math.max(1, step.toMillis());
    }

    /** Share of requests answered with a 5xx status, 0 to 1; 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    static MetricPoint of(Sample s, Duration step) {
        int[] latency = s.latency();
        return new MetricPoint(
                s.at(),
                step,
                s.cpuPercent(),
                s.memoryBytes(),
                s.memoryLimit(),
                s.rxBytes(),
                s.txBytes(),
                s.restarts(),
                s.requests(),
                s.errors(),
                LatencyBuckets.quantileMillis(latency, 0.5),
                LatencyBuckets.quantileMillis(latency, 0.95));
    }
}
