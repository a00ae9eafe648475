package dev.dropdeploy.detect.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a build's output ends up, read from the package's own scripts: the generator's output flag, the folder a later
 * command moves or copies it to, or the folder the start script serves. A project that says where its files go is
 * followed; only a project that says nothing gets the framework's default.
 */
final class BuildScripts {

    private static final Pattern RUN_SCRIPT =
            Pattern.compile("^(?:npm run|npm run-script|pnpm run|pnpm|yarn run|yarn|bun run)\\s+([\\w:.-]+)$");
    private static final Pattern OUT_FLAG = Pattern.compile(
            "(?:^|\\s)(?:--outDir|--out-dir|--outdir|--output|--output-path|--dist-dir|--dest|-o)(?:=|\\s+)['\"]?([^\\s'\"]+)");
    private static final Pattern MOVE = Pattern.compile("^(?:mv|cp\\s+-[rRa]+|cp)\\s+(?:-\\S+\\s+)*(\\S+)\\s+(\\S+)$");
    private static final Pattern FILE_SERVER = Pattern.compile(
            "(?:^|\\s)(?:npx\\s+)?(?:serve|http-server|sirv|sirv-cli|live-server|static-server)\\s+(.*)$");
    private static final int MAX_DEPTH = 4;

    /** A decided output folder, relative to the package, with the script line that decided it. */
    record Output(String dir, int line, String why) {}

    private BuildScripts() {}

    /**
     * The folder the build leaves its output in.
     *
     * @param generator matches the command that runs the generator ({@code vite build}, {@code astro build})
     * @param fallback the framework's config or default, used when the scripts say nothing
     */
    static Output output(PackageJson pkg, Pattern generator, String fallback) {
        return fromBuild(pkg, generator, fallback)
                .or(() -> servedByStart(pkg))
                .orElseGet(() -> new Output(fallback, 0, fallback + " (the framework's configuration or default)"));
    }

    /** The generator's flag, then every later move or copy of that folder; empty when the scripts state neither. */
    private static Optional<Output> fromBuild(PackageJson pkg, Pattern generator, String fallback) {
        String current = null;
        String why = null;
        for (String command : commands(pkg, "build")) {
            Matcher move = MOVE.matcher(command);
            if (generator.matcher(command).find()) {
                Matcher flag = OUT_FLAG.matcher(command);
                current = flag.find() ? clean(flag.group(1)) : fallback;
                why = flag.find(0) ? "'" + command + "' writes to " + current + "/" : null;
            } else if (current != null && move.find() && clean(move.group(1)).equals(current)) {
                current = clean(move.group(2));
                why = "'" + command + "' moves the output to " + current + "/";
            }
        }
        return why == null ? Optional.empty() : Optional.of(new Output(current, pkg.lineOf("build"), why));
    }

    /** A start script such as {@code serve -s build} says where the files are served from. */
    private static Optional<Output> servedByStart(PackageJson pkg) {
        for (String command : commands(pkg, "start")) {
            Matcher m = FILE_SERVER.matcher(command);
            if (m.find()) {
                for (String token : m.group(1).trim().split("\\s+")) {
                    if (!token.startsWith("-") && !token.matches("\\d+|tcp://.*") && !token.isEmpty()) {
                        String dir = clean(token);
                        return Optional.of(new Output(
                                dir, pkg.lineOf("start"), "the start script serves the files from " + dir + "/"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The commands {@code npm run <script>} runs, in order: pre-script, script, post-script, nested runs expanded. */
    static List<String> commands(PackageJson pkg, String script) {
        List<String> out = new ArrayList<>();
        expand(pkg, script, 0, out);
        return out;
    }

    private static void expand(PackageJson pkg, String script, int depth, List<String> out) {
        if (depth > MAX_DEPTH || !pkg.scripts().containsKey(script)) {
            return;
        }
        expand(pkg, "pre" + script, depth + 1, out);
        for (String part : pkg.script(script).split("&&|;")) {
            String command = part.strip();
            Matcher nested = RUN_SCRIPT.matcher(command);
            if (nested.matches() && pkg.scripts().containsKey(nested.group(1))) {
                expand(pkg, nested.group(1), depth + 1, out);
            } else if (!command.isEmpty()) {
                out.add(command);
            }
        }
        expand(pkg, "post" + script, depth + 1, out);
    }

    private static String clean(String dir) {
        String d = dir.replaceFirst("^\\./", "");
        return d.endsWith("/") && d.length() > 1 ? d.substring(0, d.length() - 1) : d;
    }
}
