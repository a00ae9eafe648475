package dev.dropdeploy.metrics;

import java.time.Instant;

/**
 * What one stored point says about one app. Container fields are {@code null} when the app's container could not be
 * read (it was restarting, or only requests were seen). Counters count what happened during the point's time.
 *
 * @param samples how many container readings the point stands for (1 for a raw point)
 * @param memoryBytes memory in use without the page cache (as {@code docker stats} shows it); a rollup keeps the peak
 * @param latency request counts per {@link LatencyBuckets} bucket
 */
record Sample(
        Instant at,
        int samples,
        Double cpuPercent,
        Long memoryBytes,
        Long memoryLimit,
        long rxBytes,
        long txBytes,
        int restarts,
        int requests,
        int errors,
        int[] latency) {

    Sample {
        latency = latency == null ? LatencyBuckets.empty() : latency.clone();
    }

    @Override
    public int[] latency() {
        return latency.clone();
    }
}
