package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Procfile's process, chosen deterministically: {@code web}, else {@code worker}, else the first by name. */
final class Procfile {

    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(.+)$", Pattern.MULTILINE);

    private Procfile() {}

    static void apply(SourceTree tree, Proposal winner) {
        String path = SourceTree.join(winner.directory, "Procfile");
        String text = tree.text(path).orElse(null);
        if (text == null) {
            return;
        }
        Map<String, int[]> lines = new TreeMap<>();
        Map<String, String> commands = new TreeMap<>();
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            commands.putIfAbsent(m.group(1), m.group(2).trim());
            lines.putIfAbsent(m.group(1), new int[] {SourceTree.lineAt(text, m.start())});
        }
        if (commands.isEmpty()) {
            return;
        }
        String process = commands.containsKey("web")
                ? "web"
                : commands.containsKey("worker")
                        ? "worker"
                        : commands.keySet().iterator().next();
        winner.start = commands.get(process);
        winner.because(
                "startCommand",
                path,
                lines.get(process)[0],
                "Procfile process '" + process + "' (web first, then worker, then by name)");
        if (!"web".equals(process)) {
            winner.notWeb();
        }
    }
}
