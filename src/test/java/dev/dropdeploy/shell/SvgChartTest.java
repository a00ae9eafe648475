package dev.dropdeploy.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    private static final Instant FROM = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofHours(1));
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static SvgChart.Point at(int minute, Double value) {
        return new SvgChart.Point(FROM.plus(MINUTE.multipliedBy(minute)), value);
    }

    private static String render(List<SvgChart.Point> points, double max) {
        return render(points, max, MINUTE);
    }

    private static String render(List<SvgChart.Point> points, double max, Duration step) {
        return SvgChart.render(
                "CPU",
                FROM,
                TO,
                step,
                List.of(new SvgChart.Line("cpu", MetricsPanel.PRIMARY, points, false, false)),
                max,
                100,
                true);
    }

    private static List<String> polylines(String svg) {
        Matcher m = Pattern.compile("<polyline points=\"([^\"]*)\"").matcher(svg);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theChartStretchesToItsBoxAndTakesEveryColourFromTheTheme() {
        String svg = render(List.of(at(0, 1.0), at(1, 2.0)), 10);

        assertThat(svg)
                .startsWith("<svg ")
                .contains("viewBox=\"0 0 600 100\"", "preserveAspectRatio=\"none\"", "width:100%")
                .contains("vector-effect=\"non-scaling-stroke\"")
                .contains("stroke:var(--lumo-primary-color)", "stroke:var(--lumo-contrast-10pct)")
                .doesNotContainPattern("#[0-9a-fA-F]{3,6}\\b")
                .doesNotContain("stroke=\"", "fill=\"");
    }

    @Test
    void timeRunsLeftToRightAndTheTopValueTouchesTheTop() {
        String svg = render(List.of(at(0, 0.0), at(30, 5.0), at(60, 10.0)), 10, Duration.ofMinutes(30));

        assertThat(polylines(svg)).containsExactly("0.0,99.0 300.0,50.0 600.0,1.0");
    }

    @Test
    void aValueAboveTheRequestedTopRaisesTheTopInsteadOfLeavingTheChart() {
        String svg = render(List.of(at(0, 0.0), at(60, 40.0)), 10, Duration.ofHours(1));

        assertThat(polylines(svg)).containsExactly("0.0,99.0 600.0,1.0");
    }

    @Test
    void missingValuesAndUnmeasuredStretchesAreGapsNotSlopes() {
        String svg = render(
                List.of(at(0, 1.0), at(1, 1.0), at(2, null), at(3, 1.0), at(4, 1.0), at(20, 1.0), at(21, 1.0)), 1);

        assertThat(polylines(svg)).hasSize(3);
    }

    @Test
    void aLonePointIsDrawnAsAShortLevelStroke() {
        String svg = render(List.of(at(30, 1.0)), 1);

        assertThat(polylines(svg))
                .singleElement()
                .satisfies(points -> assertThat(points.split(" "))
                        .hasSize(2)
                        .allSatisfy(xy -> assertThat(xy).endsWith(",1.0")));
    }

    @Test
    void noDataDrawsOnlyTheGrid() {
        assertThat(polylines(render(List.of(), 1))).isEmpty();
    }

    @Test
    void theLabelCannotBreakOutOfTheDrawing() {
        String svg = SvgChart.render("\"><script>alert(1)</script>", FROM, TO, MINUTE, List.of(), 1, 20, false);

        assertThat(svg).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void sizesAndDurationsReadAsPeopleWriteThem() {
        assertThat(MetricCharts.bytes(512)).isEqualTo("512 B");
        assertThat(MetricCharts.bytes(512L * 1024 * 1024)).isEqualTo("512 MiB");
        assertThat(MetricCharts.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(MetricCharts.millis(12.4)).isEqualTo("12 ms");
        assertThat(MetricCharts.millis(2500)).isEqualTo("2.5 s");
        assertThat(MetricsPanel.percent(3.25)).isEqualTo("3.3%");
    }
}
