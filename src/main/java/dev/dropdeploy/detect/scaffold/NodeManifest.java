package dev.dropdeploy.detect.scaffold;

import dev.dropdeploy.detect.node.NodeImports;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** package.json for pasted server-side JavaScript: dependencies from imports, a start script. */
public final class NodeManifest implements Scaffold.Step {

    private static final Pattern SERVER_SIDE =
            Pattern.compile("\\brequire\\(|^\\s*import\\s.+\\sfrom\\s|process\\.env", Pattern.MULTILINE);
    private static final Pattern ESM = Pattern.compile("^\\s*(?:import\\s.+\\sfrom\\s|export\\s)", Pattern.MULTILINE);
    private static final Pattern LISTENS = Pattern.compile("\\.listen\\(|createServer\\(|\\bserve\\(");

    @Override
    public void accept(Scaffold s) {
        if (s.has("package.json")) {
            return;
        }
        List<String> sources = s.withExtension("js", "mjs", "cjs").stream()
                .filter(p -> SERVER_SIDE.matcher(s.files().get(p)).find())
                .toList();
        if (sources.isEmpty()) {
            return;
        }
        Set<String> deps = new TreeSet<>();
        sources.forEach(p -> deps.addAll(NodeImports.packages(s.files().get(p))));
        String entry = sources.stream()
                .filter(p -> LISTENS.matcher(s.files().get(p)).find())
                .findFirst()
                .orElse(sources.getFirst());
        boolean esm = ESM.matcher(s.files().get(entry)).find() && !entry.endsWith(".cjs");
        String dependencies = deps.stream().map(d -> "    \"" + d + "\": \"*\"").collect(Collectors.joining(",\n"));
        String json = "{\n  \"name\": \"app\",\n  \"private\": true,\n"
                + (esm && !entry.endsWith(".mjs") ? "  \"type\": \"module\",\n" : "")
                + "  \"scripts\": {\n    \"start\": \"node " + entry + "\"\n  },\n"
                + "  \"dependencies\": {\n" + dependencies + (deps.isEmpty() ? "" : "\n") + "  }\n}\n";
        s.add(
                "package.json",
                json,
                "Added package.json with dependencies " + (deps.isEmpty() ? "(none)" : String.join(", ", deps))
                        + " taken from your imports, and a start script 'node " + entry
                        + "'. Versions are '*' (the latest)"
                        + " because the code does not say which it needs.");
        if (LISTENS.matcher(s.files().get(entry)).find()) {
            s.start(
                    "node " + entry,
                    "Start command: node " + entry + " (it starts the server);"
                            + (s.files().get(entry).contains("process.env.PORT")
                                    ? " it reads $PORT."
                                    : " it should read process.env.PORT."));
        }
    }
}
