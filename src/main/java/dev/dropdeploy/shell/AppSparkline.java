package dev.dropdeploy.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Span;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.metrics.AppMetrics;
import dev.dropdeploy.metrics.MetricPoint;
import dev.dropdeploy.metrics.MetricSeries;
import dev.dropdeploy.metrics.MetricWindow;
import dev.dropdeploy.workspace.ProjectSummary;
import java.util.List;

/** The project list's small chart: an app's requests a minute over the last hour, its figures in the tooltip. */
final class AppSparkline {

    private static final int HEIGHT = 24;

    private AppSparkline() {}

    static Component of(AppMetrics metrics, AccountUser user, ProjectSummary project) {
        MetricSeries series = metrics.series(user, project.id(), MetricWindow.HOUR);
        if (series.isEmpty()) {
            Span none = new Span("–");
            none.getElement().setAttribute("title", "Not measured in the last hour");
            return none;
        }
        String text = summary(series.overall(), series);
        Svg chart = new Svg(SvgChart.render(
                text,
                series.from(),
                series.to(),
                series.window().step(),
                List.of(new SvgChart.Line(
                        "requests/min",
                        MetricsPanel.PRIMARY,
                        MetricsPanel.points(series, MetricPoint::requestsPerMinute),
                        false,
                        true)),
                1,
                HEIGHT,
                false));
        chart.getElement().getStyle().set("width", "8rem");
        chart.getElement().setAttribute("title", text);
        return chart;
    }

    static String summary(MetricPoint all, MetricSeries series) {
        double peakCpu = series.points().stream()
                .map(MetricPoint::cpuPercent)
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        return "Last hour: %d requests, %s server errors, CPU peak %s"
                .formatted(all.requests(), MetricsPanel.percent(all.errorRate() * 100), MetricsPanel.percent(peakCpu));
    }
}
