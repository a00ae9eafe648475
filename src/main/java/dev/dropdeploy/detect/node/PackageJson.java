package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.scan.SourceTree;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The parts of a package.json detection needs; tolerant of missing sections. */
record PackageJson(
        String path,
        String text,
        String name,
        Map<String, String> dependencies,
        Map<String, String> devDependencies,
        Map<String, String> scripts,
        String main,
        String packageManager,
        String enginesNode,
        boolean module,
        java.util.List<String> workspaces) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Empty when missing; throws {@link IllegalArgumentException} with a reason when not JSON. */
    static Optional<PackageJson> read(SourceTree tree, String dir) {
        String path = SourceTree.join(dir, "package.json");
        Optional<String> text = tree.text(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.get());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(path + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(path + " is not a JSON object");
        }
        return Optional.of(new PackageJson(
                path,
                text.get(),
                root.path("name").asString(""),
                strings(root.path("dependencies")),
                strings(root.path("devDependencies")),
                strings(root.path("scripts")),
                root.path("main").asString(null),
                root.path("packageManager").asString(null),
                root.path("engines").path("node").asString(null),
                "module".equals(root.path("type").asString("")),
                workspaces(root.path("workspaces"))));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString("")));
        }
        return out;
    }

    /** npm and yarn list the globs as an array, yarn classic also as {@code {"packages": [...]}}. */
    private static java.util.List<String> workspaces(JsonNode node) {
        JsonNode list = node.isObject() ? node.path("packages") : node;
        java.util.List<String> out = new java.util.ArrayList<>();
        if (list.isArray()) {
            list.forEach(glob -> out.add(glob.asString("")));
        }
        return out;
    }

    boolean has(String dep) {
        return dependencies.containsKey(dep) || devDependencies.containsKey(dep);
    }

    boolean declares(String pkg) {
        return has(pkg) || pkg.startsWith("@types/");
    }

    String script(String name) {
        return scripts.getOrDefault(name, "");
    }

    /** Line of a key such as {@code "start"} or {@code "next"}, for evidence. */
    int lineOf(String key) {
        return SourceTree.lineOf(text, Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:"));
    }
}
