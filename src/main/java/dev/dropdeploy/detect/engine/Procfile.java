package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Procfile's process, chosen deterministically: {@code web}, else {@code worker}, else the first by name. */
final class Procfile {

    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(.+)$", Pattern.MULTILINE);

    /** Heroku's PHP launchers, {@code heroku-php-apache2 [options] [document root]}, exist only in Heroku's images. */
    private static final Pattern HEROKU_PHP =
            Pattern.compile("^(?:vendor/bin/)?heroku-php-(?:apache2|nginx)(?:\\s+(.*))?$");

    private static final java.util.Set<String> VALUE_FLAGS = java.util.Set.of("-C", "-F", "-i", "-l");

    private Procfile() {}

    /** The launcher's document root served by PHP's built-in server; any other command as it is. */
    static String herokuPhp(String command) {
        Matcher m = HEROKU_PHP.matcher(command.strip());
        if (!m.matches()) {
            return command;
        }
        String[] words = m.group(1) == null ? new String[0] : m.group(1).strip().split("\\s+");
        String docroot = ".";
        for (int i = 0; i < words.length; i++) {
            if (words[i].startsWith("-")) {
                i += VALUE_FLAGS.contains(words[i]) ? 1 : 0; // -C file, -F file, -i setting, -l file take a value
                continue;
            }
            docroot = words[i];
            break;
        }
        return "php -S 0.0.0.0:$PORT -t " + docroot;
    }

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
        String command = commands.get(process);
        winner.start = herokuPhp(command);
        winner.because(
                "startCommand",
                path,
                lines.get(process)[0],
                "Procfile process '" + process + "' (web first, then worker, then by name)"
                        + (winner.start.equals(command)
                                ? ""
                                : ": " + command.split("\\s+")[0] + " is Heroku's own launcher, so PHP's server"
                                        + " serves the same document root here"));
        if (!"web".equals(process)) {
            winner.notWeb();
        }
    }
}
