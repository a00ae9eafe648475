package dev.dropdeploy.metrics;

import java.time.Instant;

/**
 * A container's counters at one moment, as the engine reports them: CPU time and network bytes since the container
 * started, memory now.
 *
 * @param cpuNanos CPU time the container used since it started
 * @param engineCpuPercent the engine's own figure over its last second (used for a container's first reading, which
 *     has nothing before it to compare with); {@code null} when it could not say
 * @param restartCount how often the engine restarted the container (its restart policy)
 */
record ContainerReading(
        Instant at,
        long cpuNanos,
        Double engineCpuPercent,
        long memoryUsed,
        long memoryLimit,
        long rxBytes,
        long txBytes,
        int restartCount) {}
