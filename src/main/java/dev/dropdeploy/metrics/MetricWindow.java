package dev.dropdeploy.metrics;

import java.time.Duration;

/** A chart's time span and the width of one of its points. */
public enum MetricWindow {
    HOUR(Duration.ofHours(1), Duration.ofMinutes(1)),
    DAY(Duration.ofDays(1), Duration.ofMinutes(15)),
    WEEK(Duration.ofDays(7), Duration.ofHours(1));

    private final Duration span;
    private final Duration step;

    MetricWindow(Duration span, Duration step) {
        this.span = span;
        this.step = step;
    }

    public Duration span() {
        return span;
    }

    public Duration step() {
        return step;
    }
}
