package dev.dropdeploy.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges points into wider ones: the stored 15-minute rollups and the steps of a day or week chart. Counters add up,
 * CPU is the mean of the readings, memory the peak (what matters against a limit), latency the merged histogram.
 */
final class Rollups {

    private Rollups() {}

    /** The start of the step {@code at} falls in, steps counted from the epoch. */
    static Instant stepStart(Instant at, Duration step) {
        long millis = step.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
    }

    /** One point per step that holds any, in time order, each at its step's start. */
    static List<Sample> byStep(List<Sample> points, Duration step) {
        Map<Instant, List<Sample>> steps = new TreeMap<>();
        for (Sample point : points) {
            steps.computeIfAbsent(stepStart(point.at(), step), at -> new ArrayList<>())
                    .add(point);
        }
        return steps.entrySet().stream()
                .map(e -> merge(e.getKey(), e.getValue()))
                .toList();
    }

    static Sample merge(Instant at, List<Sample> points) {
        int samples = 0;
        double cpuWeighted = 0;
        int cpuSamples = 0;
        Long memory = null;
        Long limit = null;
        long rx = 0;
        long tx = 0;
        int restarts = 0;
        int requests = 0;
        int errors = 0;
        int[] latency = LatencyBuckets.empty();
        for (Sample p : points) {
            samples += p.samples();
            if (p.cpuPercent() != null) {
                cpuWeighted += p.cpuPercent() * p.samples();
                cpuSamples += p.samples();
            }
            memory = max(memory, p.memoryBytes());
            limit = max(limit, p.memoryLimit());
            rx += p.rxBytes();
            tx += p.txBytes();
            restarts += p.restarts();
            requests += p.requests();
            errors += p.errors();
            latency = LatencyBuckets.sum(latency, p.latency());
        }
        Double cpu = cpuSamples == 0 ? null : cpuWeighted / cpuSamples;
        return new Sample(at, samples, cpu, memory, limit, rx, tx, restarts, requests, errors, latency);
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }
}
