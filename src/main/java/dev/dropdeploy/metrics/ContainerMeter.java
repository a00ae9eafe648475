package dev.dropdeploy.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a container's running totals into what happened since its previous reading: CPU as the share of one CPU over
 * the whole interval (not just the engine's last second), bytes and restarts since then. A container's first reading
 * has nothing to compare with: it counts no bytes or restarts and takes the engine's own CPU figure.
 */
final class ContainerMeter {

    /** The container part of a point. */
    record Usage(Double cpuPercent, long memoryUsed, long memoryLimit, long rxBytes, long txBytes, int restarts) {}

    private final Map<String, ContainerReading> previous = new HashMap<>();

    Usage next(String containerId, ContainerReading now) {
        ContainerReading before = previous.put(containerId, now);
        if (before == null) {
            return new Usage(now.engineCpuPercent(), now.memoryUsed(), now.memoryLimit(), 0, 0, 0);
        }
        return new Usage(
                cpuPercent(before, now),
                now.memoryUsed(),
                now.memoryLimit(),
                Counters.delta(before.rxBytes(), now.rxBytes()),
                Counters.delta(before.txBytes(), now.txBytes()),
                (int) Counters.delta(before.restartCount(), now.restartCount()));
    }

    /** Forgets containers that are no longer read, so the map never outgrows the apps that run. */
    void keepOnly(Set<String> containerIds) {
        previous.keySet().retainAll(containerIds);
    }

    private static Double cpuPercent(ContainerReading before, ContainerReading now) {
        long wall = Duration.between(before.at(), now.at()).toNanos();
        long used = now.cpuNanos() - before.cpuNanos();
        if (wall <= 0 || used < 0) {
            return now.engineCpuPercent();
        }
        return 100.0 * used / wall;
    }
}
