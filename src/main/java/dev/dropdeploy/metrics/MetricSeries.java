package dev.dropdeploy.metrics;

import java.time.Instant;
import java.util.List;

/**
 * An app's points over a window, oldest first, only steps that hold data.
 *
 * @param overall the whole window as one point (total requests, exact p50/p95 of all of them, peak memory)
 */
public record MetricSeries(
        MetricWindow window, Instant from, Instant to, List<MetricPoint> points, MetricPoint overall) {

    public MetricSeries {
        points = List.copyOf(points);
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }
}
