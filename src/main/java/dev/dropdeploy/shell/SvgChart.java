package dev.dropdeploy.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Line charts as SVG text, rendered on the server: no chart library, no JavaScript bundle. The drawing stretches to
 * its box ({@code preserveAspectRatio="none"}, strokes kept thin by {@code non-scaling-stroke}), so it fits a phone's
 * width as well as a wide screen, and every colour is a Lumo custom property, so it follows the light and dark theme.
 * Labels are left to the surrounding HTML: text inside a stretched drawing would be stretched too.
 */
final class SvgChart {

    /** A value at a time; {@code null} values are gaps. */
    record Point(Instant at, Double value) {}

    /**
     * One line.
     *
     * @param color a CSS colour, normally {@code var(--lumo-…)}
     * @param dashed for a reference line such as a limit
     * @param filled whether the area under it is tinted
     */
    record Line(String name, String color, List<Point> points, boolean dashed, boolean filled) {}

    static final int WIDTH = 600;

    private SvgChart() {}

    /**
     * @param step points further apart than one and a half steps are not joined (the app was not measured between)
     * @param max the value at the top edge; at least the largest value is used
     */
    static String render(
            String label,
            Instant from,
            Instant to,
            Duration step,
            List<Line> lines,
            double max,
            int height,
            boolean grid) {
        double top = Math.max(max, largest(lines));
        Scale scale = new Scale(from, to, top <= 0 ? 1 : top, height);
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
                .append(escape(label))
                .append("\" style=\"display:block;width:100%;height:")
                .append(height)
                .append("px;overflow:visible\">");
        if (grid) {
            for (int i = 0; i <= 4; i++) {
                double y = height * i / 4.0;
                svg.append("<line x1=\"0\" x2=\"")
                        .append(WIDTH)
                        .append("\" y1=\"")
                        .append(num(y))
                        .append("\" y2=\"")
                        .append(num(y))
                        .append(
                                "\" style=\"stroke:var(--lumo-contrast-10pct)\" vector-effect=\"non-scaling-stroke\"/>");
            }
        }
        for (Line line : lines) {
            for (List<Point> run : runs(line.points(), step)) {
                draw(svg, line, run, scale, step);
            }
        }
        return svg.append("</svg>").toString();
    }

    private record Scale(Instant from, Instant to, double max, int height) {

        double x(Instant at) {
            double span = Math.max(1, Duration.between(from, to).toMillis());
            return Math.clamp(Duration.between(from, at).toMillis() / span * WIDTH, 0, WIDTH);
        }

        double y(double value) {
            return height - Math.clamp(value / max, 0, 1) * (height - 2) - 1;
        }
    }

    private static void draw(StringBuilder svg, Line line, List<Point> run, Scale scale, Duration step) {
        List<double[]> xy = new ArrayList<>();
        for (Point p : run) {
            xy.add(new double[] {scale.x(p.at()), scale.y(p.value())});
        }
        if (xy.size() == 1) { // a lone point: a short level stroke, since a dot would be stretched into an ellipse
            double half = Math.max(2, scale.x(run.getFirst().at().plus(step)) - xy.getFirst()[0]) / 2;
            double[] only = xy.getFirst();
            xy = List.of(new double[] {only[0] - half, only[1]}, new double[] {only[0] + half, only[1]});
        }
        String points = String.join(
                " ", xy.stream().map(p -> num(p[0]) + "," + num(p[1])).toList());
        if (line.filled()) {
            svg.append("<polygon points=\"")
                    .append(num(xy.getFirst()[0]))
                    .append(',')
                    .append(scale.height())
                    .append(' ')
                    .append(points)
                    .append(' ')
                    .append(num(xy.getLast()[0]))
                    .append(',')
                    .append(scale.height())
                    .append("\" style=\"fill:")
                    .append(line.color())
                    .append(";fill-opacity:0.15;stroke:none\"/>");
        }
        svg.append("<polyline points=\"")
                .append(points)
                .append("\" style=\"fill:none;stroke:")
                .append(line.color())
                .append(";stroke-width:2")
                .append(line.dashed() ? ";stroke-dasharray:6 4" : "")
                .append("\" vector-effect=\"non-scaling-stroke\"><title>")
                .append(escape(line.name()))
                .append("</title></polyline>");
    }

    /** Consecutive measured points, split where a value is missing or the app was not measured for a while. */
    static List<List<Point>> runs(List<Point> points, Duration step) {
        List<List<Point>> runs = new ArrayList<>();
        List<Point> run = new ArrayList<>();
        long gap = step.toMillis() * 3 / 2;
        for (Point p : points) {
            boolean apart = !run.isEmpty()
                    && Duration.between(run.getLast().at(), p.at()).toMillis() > gap;
            if (p.value() == null || apart) {
                addIfAny(runs, run);
                run = new ArrayList<>();
            }
            if (p.value() != null && Double.isFinite(p.value())) {
                run.add(p);
            }
        }
        addIfAny(runs, run);
        return runs;
    }

    private static void addIfAny(List<List<Point>> runs, List<Point> run) {
        if (!run.isEmpty()) {
            runs.add(run);
        }
    }

    private static double largest(List<Line> lines) {
        return lines.stream()
                .flatMap(l -> l.points().stream())
                .map(Point::value)
                .filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
