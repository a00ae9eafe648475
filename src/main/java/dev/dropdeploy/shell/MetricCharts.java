package dev.dropdeploy.shell;

import static dev.dropdeploy.shell.MetricsPanel.ERROR;
import static dev.dropdeploy.shell.MetricsPanel.MUTED;
import static dev.dropdeploy.shell.MetricsPanel.PRIMARY;
import static dev.dropdeploy.shell.MetricsPanel.SUCCESS;
import static dev.dropdeploy.shell.MetricsPanel.card;
import static dev.dropdeploy.shell.MetricsPanel.points;

import com.vaadin.flow.component.Component;
import dev.dropdeploy.metrics.MetricPoint;
import dev.dropdeploy.metrics.MetricSeries;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The five charts of the metrics panel, each with its headline figure and the value at its top edge. */
final class MetricCharts {

    private MetricCharts() {}

    static List<Component> of(MetricSeries s) {
        return List.of(cpu(s), memory(s), requests(s), latency(s), network(s));
    }

    private static Component cpu(MetricSeries s) {
        double peak = max(s, MetricPoint::cpuPercent);
        double top = top(peak, 5);
        return card(
                "CPU",
                "peak " + MetricsPanel.percent(peak) + " of one CPU",
                top,
                MetricsPanel.percent(top),
                s,
                List.of(line("CPU %", PRIMARY, points(s, MetricPoint::cpuPercent), false, true)));
    }

    private static Component memory(MetricSeries s) {
        MetricPoint all = s.overall();
        Long limit = all.memoryLimit();
        String current = all.memoryBytes() == null
                ? "not measured"
                : "peak " + bytes(all.memoryBytes()) + (limit == null ? "" : " of " + bytes(limit));
        double top = top(Math.max(max(s, p -> mib(p.memoryLimit())), max(s, p -> mib(p.memoryBytes()))), 1);
        return card(
                "Memory",
                current,
                top,
                bytes((long) (top * 1048576)),
                s,
                List.of(
                        line("used", PRIMARY, points(s, p -> mib(p.memoryBytes())), false, true),
                        line("limit", MUTED, points(s, p -> mib(p.memoryLimit())), true, false)));
    }

    private static Component requests(MetricSeries s) {
        double peak = max(s, p -> p.requestsPerMinute());
        double top = top(peak, 1);
        return card(
                "Requests",
                "%s a minute at most, %s 5xx"
                        .formatted(
                                number(peak), MetricsPanel.percent(s.overall().errorRate() * 100)),
                top,
                number(top) + "/min",
                s,
                List.of(
                        line("requests/min", PRIMARY, points(s, p -> p.requestsPerMinute()), false, true),
                        line("5xx/min", ERROR, points(s, p -> p.requestsPerMinute() * p.errorRate()), false, false)));
    }

    private static Component latency(MetricSeries s) {
        MetricPoint all = s.overall();
        String current = all.p50Millis() == null
                ? "no requests"
                : "p50 " + millis(all.p50Millis()) + ", p95 " + millis(all.p95Millis());
        double top = top(max(s, MetricPoint::p95Millis), 10);
        return card(
                "Latency",
                current,
                top,
                millis(top),
                s,
                List.of(
                        line("p50", PRIMARY, points(s, MetricPoint::p50Millis), false, false),
                        line("p95", ERROR, points(s, MetricPoint::p95Millis), false, false)));
    }

    private static Component network(MetricSeries s) {
        MetricPoint all = s.overall();
        double perMinute = s.window().step().toSeconds() / 60.0;
        double peak = Math.max(max(s, p -> p.rxBytes() / perMinute), max(s, p -> p.txBytes() / perMinute));
        double top = top(peak, 1024);
        return card(
                "Network",
                bytes(all.rxBytes()) + " in, " + bytes(all.txBytes()) + " out",
                top,
                bytes((long) top) + "/min",
                s,
                List.of(
                        line("in/min", SUCCESS, points(s, p -> p.rxBytes() / perMinute), false, false),
                        line("out/min", PRIMARY, points(s, p -> p.txBytes() / perMinute), false, false)));
    }

    private static SvgChart.Line line(
            String name, String color, List<SvgChart.Point> points, boolean dashed, boolean filled) {
        return new SvgChart.Line(name, color, points, dashed, filled);
    }

    private static double max(MetricSeries s, java.util.function.Function<MetricPoint, Double> value) {
        return s.points().stream()
                .map(value)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    /** The chart's top edge: the peak with a little room, never so small that noise fills the chart. */
    static double top(double peak, double floor) {
        return Math.max(peak * 1.1, floor);
    }

    private static Double mib(Long bytes) {
        return bytes == null ? null : bytes / 1048576.0;
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    static String millis(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    static String number(double value) {
        return value >= 10 || value == 0
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
