package dev.dropdeploy.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.data.ReadableSize;
import dev.dropdeploy.deploy.DeploymentStatistics;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The installation at a glance: deployments per day, success rate, files-to-live time per stack, build minutes, apps
 * running and stopped, disk. An admin sees every project, anyone else their own. The chart is drawn like the project
 * page's ({@link SvgChart} in a {@link MetricsPanel} card).
 */
@Route("dashboard")
@PageTitle("Dashboard · DropDeploy")
@PermitAll
class DashboardView extends VerticalLayout {

    private final DeploymentStatistics statistics;
    private final AccountUser user;
    private final Div figures = new Div();
    private final Div chart = new Div();
    private final Grid<DeploymentStatistics.StackTimes> stacks = new Grid<>();
    private final Tab fortnight = new Tab("Last 14 days");
    private final Tab month = new Tab("Last 30 days");

    DashboardView(DeploymentStatistics statistics, CurrentUser currentUser) {
        this.statistics = statistics;
        this.user = currentUser.require();
        setId("dashboard");
        figures.setId("dashboard-figures");
        figures.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fill, minmax(11em, 1fr))")
                .set("gap", "var(--lumo-space-s)")
                .set("width", "100%");
        chart.setWidthFull();
        chart.setId("dashboard-chart");
        stacks.setId("dashboard-stacks");
        stacks.addColumn(DeploymentStatistics.StackTimes::stack).setHeader("Stack");
        stacks.addColumn(DeploymentStatistics.StackTimes::deployments).setHeader("Went live");
        stacks.addColumn(s -> Format.seconds(s.median())).setHeader("Median files to live");
        stacks.addColumn(s -> Format.seconds(s.p95())).setHeader("p95 files to live");
        stacks.setAllRowsVisible(true);
        Tabs period = new Tabs(fortnight, month);
        period.addSelectedChangeListener(e -> show(e.getSelectedTab() == month ? 30 : 14));
        add(
                new H2(user.admin() ? "Installation dashboard" : "Your dashboard"),
                new Paragraph(user.admin() ? "Every project on this installation." : "Your projects."),
                period,
                figures,
                chart,
                new H3("Time from files to live, per stack"),
                stacks);
        show(14);
    }

    private void show(int days) {
        DeploymentStatistics.Summary s = statistics.summary(user, days);
        figures.removeAll();
        int started =
                s.perDay().stream().mapToInt(DeploymentStatistics.Day::started).sum();
        figures.add(
                figure("Deployments", Integer.toString(started), "deployments"),
                figure(
                        "Success rate",
                        s.successRate() == null ? "–" : MetricsPanel.percent(s.successRate() * 100),
                        "success-rate"),
                figure("Build minutes", MetricCharts.number(s.buildMinutes()), "build-minutes"),
                figure("Running apps", Integer.toString(s.runningApps()), "running-apps"),
                figure("Stopped apps", Integer.toString(s.stoppedApps()), "stopped-apps"),
                figure("Sleeping apps", Integer.toString(s.sleepingApps()), "sleeping-apps"),
                figure("Images", ReadableSize.of(s.imageBytes()), "image-bytes"),
                figure("Build logs", ReadableSize.of(s.logBytes()), "log-bytes"));
        chart.removeAll();
        chart.add(perDay(s));
        stacks.setItems(s.filesToLive());
    }

    private static Component perDay(DeploymentStatistics.Summary s) {
        List<DeploymentStatistics.Day> days = s.perDay();
        Instant from = days.getFirst().date().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = days.getLast().date().atStartOfDay(ZoneOffset.UTC).toInstant();
        int peak =
                days.stream().mapToInt(DeploymentStatistics.Day::started).max().orElse(0);
        double top = MetricCharts.top(peak, 1);
        return MetricsPanel.card(
                "Deployments per day",
                "%d went live, %d failed"
                        .formatted(
                                days.stream()
                                        .mapToInt(DeploymentStatistics.Day::wentLive)
                                        .sum(),
                                days.stream()
                                        .mapToInt(DeploymentStatistics.Day::failed)
                                        .sum()),
                top,
                MetricCharts.number(top) + "/day",
                from,
                to,
                Duration.ofDays(1),
                List.of(
                        line("started", MetricsPanel.PRIMARY, days, DeploymentStatistics.Day::started, true),
                        line("went live", MetricsPanel.SUCCESS, days, DeploymentStatistics.Day::wentLive, false),
                        line("failed", MetricsPanel.ERROR, days, DeploymentStatistics.Day::failed, false)),
                s.days() + " days ago");
    }

    private static SvgChart.Line line(
            String name,
            String color,
            List<DeploymentStatistics.Day> days,
            ToIntFunction<DeploymentStatistics.Day> value,
            boolean filled) {
        return new SvgChart.Line(
                name,
                color,
                days.stream()
                        .map(d -> new SvgChart.Point(
                                d.date().atStartOfDay(ZoneOffset.UTC).toInstant(), (double) value.applyAsInt(d)))
                        .toList(),
                false,
                filled);
    }

    private static Component figure(String label, String value, String id) {
        Span number = new Span(value);
        number.setId(id);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div card = new Div(number, caption);
        card.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        return card;
    }
}
