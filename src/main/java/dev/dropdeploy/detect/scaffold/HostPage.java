package dev.dropdeploy.detect.scaffold;

import java.util.List;
import java.util.regex.Pattern;

/** An index.html that loads lone browser JavaScript and CSS, so they have a page to run in. */
public final class HostPage implements Scaffold.Step {

    private static final Pattern SERVER_SIDE = Pattern.compile("\\brequire\\(|process\\.env|\\.listen\\(");

    @Override
    public void accept(Scaffold s) {
        if (!s.withExtension("html", "htm").isEmpty() || s.has("package.json")) {
            return;
        }
        List<String> css = s.withExtension("css");
        List<String> scripts = s.withExtension("js", "mjs").stream()
                .filter(p -> !SERVER_SIDE.matcher(s.files().get(p)).find())
                .toList();
        if (css.isEmpty() && scripts.isEmpty()) {
            return;
        }
        StringBuilder html = new StringBuilder(
                "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                        + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>App</title>\n");
        css.forEach(
                c -> html.append("  <link rel=\"stylesheet\" href=\"").append(c).append("\">\n"));
        html.append("</head>\n<body>\n  <div id=\"app\"></div>\n");
        scripts.forEach(j -> html.append("  <script")
                .append(
                        s.files().get(j).matches("(?s).*^\\s*(import|export)\\s.*") || j.endsWith(".mjs")
                                ? " type=\"module\""
                                : "")
                .append(" src=\"")
                .append(j)
                .append("\"></script>\n"));
        html.append("</body>\n</html>\n");
        s.add(
                "index.html",
                html.toString(),
                "Added index.html, a host page that loads " + String.join(", ", concat(css, scripts))
                        + ", because there was no HTML page to open them in.");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
