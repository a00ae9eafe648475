package dev.dropdeploy.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Paragraph;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.metrics.AppMetrics;
import dev.dropdeploy.metrics.MetricPoint;
import dev.dropdeploy.metrics.MetricSeries;
import dev.dropdeploy.metrics.MetricWindow;
import dev.dropdeploy.workspace.ProjectSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MetricsPanelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final AppMetrics metrics = mock(AppMetrics.class);
    private final AccountUser user = new AccountUser(UUID.randomUUID(), "owner", false);
    private final ProjectSummary project = new ProjectSummary(UUID.randomUUID(), "shop", "Shop", NOW);

    private static MetricPoint point(int minutesAgo, int requests, int errors) {
        return new MetricPoint(
                NOW.minus(Duration.ofMinutes(minutesAgo)),
                Duration.ofMinutes(1),
                12.0,
                200L * 1024 * 1024,
                512L * 1024 * 1024,
                4096,
                8192,
                0,
                requests,
                errors,
                8.0,
                40.0);
    }

    private static MetricSeries series(List<MetricPoint> points, MetricPoint overall) {
        return new MetricSeries(MetricWindow.HOUR, NOW.minus(Duration.ofHours(1)), NOW, points, overall);
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(MetricsPanelTest::all));
    }

    @Test
    void anAppWithMeasurementsGetsFiveChartsAndASummary() {
        when(metrics.series(any(), any(), any()))
                .thenReturn(series(List.of(point(3, 30, 0), point(2, 60, 3)), point(60, 90, 3)));

        MetricsPanel panel = new MetricsPanel(metrics, user, project);

        assertThat(all(panel).filter(Svg.class::isInstance)).hasSize(5);
        assertThat(all(panel).map(c -> c.getElement().getText()))
                .contains("90 requests, 3.3% server errors, 0 restarts in this period", "peak 200 MiB of 512 MiB");
    }

    @Test
    void anAppNotMeasuredYetSaysWhenItWillBe() {
        when(metrics.series(any(), any(), any()))
                .thenReturn(series(
                        List.of(),
                        new MetricPoint(NOW, Duration.ofHours(1), null, null, null, 0, 0, 0, 0, 0, null, null)));

        MetricsPanel panel = new MetricsPanel(metrics, user, project);

        assertThat(all(panel).filter(Svg.class::isInstance)).isEmpty();
        assertThat(all(panel)
                        .filter(Paragraph.class::isInstance)
                        .map(c -> c.getElement().getText()))
                .singleElement()
                .asString()
                .contains("first point appears a minute after it goes live");
    }

    @Test
    void theProjectListShowsADashForAnAppWithoutMeasurements() {
        when(metrics.series(any(), any(), any()))
                .thenReturn(series(
                        List.of(),
                        new MetricPoint(NOW, Duration.ofHours(1), null, null, null, 0, 0, 0, 0, 0, null, null)));

        assertThat(AppSparkline.of(metrics, user, project).getElement().getText())
                .isEqualTo("–");
    }

    @Test
    void theProjectListsSparklineCarriesItsFiguresAsATooltip() {
        when(metrics.series(any(), any(), any()))
                .thenReturn(series(List.of(point(3, 30, 0), point(2, 60, 3)), point(60, 90, 3)));

        Component sparkline = AppSparkline.of(metrics, user, project);

        assertThat(sparkline).isInstanceOf(Svg.class);
        assertThat(sparkline.getElement().getAttribute("title"))
                .isEqualTo("Last hour: 90 requests, 3.3% server errors, CPU peak 12%");
    }
}
