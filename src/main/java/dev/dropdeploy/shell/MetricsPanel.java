package dev.dropdeploy.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.metrics.AppMetrics;
import dev.dropdeploy.metrics.MetricPoint;
import dev.dropdeploy.metrics.MetricSeries;
import dev.dropdeploy.metrics.MetricWindow;
import dev.dropdeploy.workspace.ProjectSummary;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The project page's charts: CPU, memory against the limit, requests and server errors, latency and network for the
 * last hour, day or week. The charts sit in a grid that drops to one column on a phone.
 */
class MetricsPanel extends VerticalLayout {

    static final String PRIMARY = "var(--lumo-primary-color)";
    static final String ERROR = "var(--lumo-error-color)";
    static final String MUTED = "var(--lumo-contrast-50pct)";
    static final String SUCCESS = "var(--lumo-success-color)";
    private static final int HEIGHT = 120;

    private final AppMetrics metrics;
    private final AccountUser user;
    private final ProjectSummary project;
    private final Span summary = new Span();
    private final Div charts = new Div();
    private final Map<Tab, MetricWindow> windows = Map.of(
            new Tab("Last hour"), MetricWindow.HOUR,
            new Tab("Last day"), MetricWindow.DAY,
            new Tab("Last week"), MetricWindow.WEEK);
    private MetricWindow window = MetricWindow.HOUR;

    MetricsPanel(AppMetrics metrics, AccountUser user, ProjectSummary project) {
        this.metrics = metrics;
        this.user = user;
        this.project = project;
        setId("metrics");
        setPadding(false);
        setWidthFull();
        summary.getStyle().set("color", "var(--lumo-secondary-text-color)");
        charts.setWidthFull();
        charts.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 20rem), 1fr))")
                .set("gap", "var(--lumo-space-m)");
        add(controls(), summary, charts);
        show();
    }

    private Component controls() {
        Tabs tabs = new Tabs();
        windows.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> tabs.add(e.getKey()));
        tabs.addSelectedChangeListener(e -> {
            window = windows.get(e.getSelectedTab());
            show();
        });
        Button refresh = new Button("Refresh", e -> show());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(tabs, refresh);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    void show() {
        MetricSeries series = metrics.series(user, project.id(), window);
        charts.removeAll();
        if (series.isEmpty()) {
            summary.setText("");
            charts.add(new Paragraph("No measurements in this period. A live app is measured every minute; its first"
                    + " point appears a minute after it goes live."));
            return;
        }
        MetricPoint all = series.overall();
        summary.setText("%d requests, %s server errors, %d restarts in this period"
                .formatted(all.requests(), percent(all.errorRate() * 100), all.restarts()));
        MetricCharts.of(series).forEach(charts::add);
    }

    static String percent(double value) {
        return value >= 10 || value == 0 ? "%.0f%%".formatted(value) : "%.1f%%".formatted(value);
    }

    /** One titled chart card of a metric series. */
    /** @param top the value at the chart's top edge, in the lines' unit, and {@code topLabel} how it reads */
    static Component card(
            String title, String current, double top, String topLabel, MetricSeries series, List<SvgChart.Line> lines) {
        String ago = switch (series.window()) {
            case HOUR -> "1 hour ago";
            case DAY -> "24 hours ago";
            case WEEK -> "7 days ago";
        };
        return card(
                title,
                current,
                top,
                topLabel,
                series.from(),
                series.to(),
                series.window().step(),
                lines,
                ago);
    }

    /**
     * One titled chart card over any period (the installation dashboard's too).
     *
     * @param start how the left edge reads, for example "14 days ago"
     */
    static Component card(
            String title,
            String current,
            double top,
            String topLabel,
            java.time.Instant from,
            java.time.Instant to,
            java.time.Duration step,
            List<SvgChart.Line> lines,
            String start) {
        Div card = new Div();
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("min-width", "0");
        Span heading = new Span(title);
        heading.getStyle().set("font-weight", "600");
        Span value = new Span(current);
        value.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout head = new HorizontalLayout(heading, value);
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        head.setWidthFull();
        head.getStyle().set("flex-wrap", "wrap");
        Svg chart = new Svg(SvgChart.render(title + ", " + current, from, to, step, lines, top, HEIGHT, true));
        chart.getElement().getStyle().set("width", "100%");
        card.add(head, legend(lines), chart, axis(topLabel, start));
        return card;
    }

    private static Component legend(List<SvgChart.Line> lines) {
        HorizontalLayout legend = new HorizontalLayout();
        legend.setSpacing(false);
        legend.getStyle().set("gap", "var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-xs)");
        for (SvgChart.Line line : lines) {
            Span swatch = new Span();
            swatch.getStyle()
                    .set("display", "inline-block")
                    .set("width", "0.8em")
                    .set("height", "0.2em")
                    .set("margin-right", "0.3em")
                    .set("vertical-align", "middle")
                    .set("background", line.color());
            legend.add(new Span(swatch, new Span(line.name())));
        }
        return legend;
    }

    private static Component axis(String top, String start) {
        HorizontalLayout axis = new HorizontalLayout(new Span(start), new Span("top: " + top), new Span("now"));
        axis.setWidthFull();
        axis.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        axis.getStyle().set("font-size", "var(--lumo-font-size-xxs)").set("color", "var(--lumo-tertiary-text-color)");
        return axis;
    }

    static List<SvgChart.Point> points(MetricSeries series, Function<MetricPoint, Double> value) {
        return series.points().stream()
                .map(p -> new SvgChart.Point(p.at(), value.apply(p)))
                .toList();
    }
}
