package dev.dropdeploy.detect.python;

import dev.dropdeploy.detect.scan.SourceTree;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Declared distributions by PEP 508 name (never a substring match), with where each was declared. */
final class PythonDeps {

    /** @param spec the version part as written ({@code ==10.4.0}, {@code "^2.9"}), empty when none */
    record Declared(String file, int line, boolean pinned, String spec) {}

    private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)");
    private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]+)['\"]");
    private static final Pattern TOML_KEY =
            Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*=", Pattern.MULTILINE);

    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final java.util.List<String> projectRequirements = new java.util.ArrayList<>();

    static PythonDeps read(SourceTree tree, String dir) {
        PythonDeps deps = new PythonDeps();
        deps.requirements(tree, SourceTree.join(dir, "requirements.txt"));
        deps.pyproject(tree, SourceTree.join(dir, "pyproject.toml"));
        deps.tomlTable(tree, SourceTree.join(dir, "Pipfile"), "packages");
        return deps;
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    boolean has(String distribution) {
        return declared.containsKey(normalise(distribution));
    }

    /**
     * Whether a declared distribution provides the top-level module {@code module}: declared under its own name (after
     * the import map), or under a name of which it is one dash-separated part ({@code strawberry} from
     * strawberry-graphql, {@code fasthtml} from python-fasthtml), as distributions that are named apart from their
     * module usually are. A module provided this way is not installed a second time under a guessed name.
     */
    boolean provides(String module, String distribution) {
        if (has(distribution)) {
            return true;
        }
        String name = normalise(module);
        return declared.keySet().stream()
                .anyMatch(d -> java.util.List.of(d.split("-")).contains(name));
    }

    Declared get(String distribution) {
        return declared.get(normalise(distribution));
    }

    /** The PEP 508 strings of pyproject's [project] dependencies, as written. */
    java.util.List<String> projectRequirements() {
        return projectRequirements;
    }

    /** Every declared distribution by normalised name. */
    Map<String, Declared> all() {
        return java.util.Collections.unmodifiableMap(declared);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    boolean isEmpty() {
        return declared.isEmpty();
    }

    boolean allPinned() {
        return declared.values().stream().allMatch(Declared::pinned);
    }

    private void requirements(SourceTree tree, String path) {
        String[] lines = tree.textOrEmpty(path).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("(^|\\s)#.*", "").trim();
            if (line.isEmpty() || line.startsWith("-") || line.contains("://")) {
                continue;
            }
            add(line, path, i + 1);
        }
    }

    private void pyproject(SourceTree tree, String path) {
        String text = tree.textOrEmpty(path);
        Matcher block = Pattern.compile("(?ms)^\\s*dependencies\\s*=\\s*\\[(.*?)\\]\\s*$")
                .matcher(text);
        if (block.find()) {
            Matcher q = QUOTED.matcher(block.group(1));
            while (q.find()) {
                projectRequirements.add(q.group(1));
                add(q.group(1), path, SourceTree.lineAt(text, block.start(1) + q.start()));
            }
        }
        tomlTable(tree, path, "tool.poetry.dependencies");
    }

    private void tomlTable(SourceTree tree, String path, String table) {
        String text = tree.textOrEmpty(path);
        Matcher header =
                Pattern.compile("(?m)^\\[" + Pattern.quote(table) + "\\]\\s*$").matcher(text);
        if (!header.find()) {
            return;
        }
        int end = text.indexOf("\n[", header.end());
        String body = text.substring(header.end(), end < 0 ? text.length() : end);
        Matcher key = TOML_KEY.matcher(body);
        while (key.find()) {
            if (!key.group(1).equals("python")) {
                declared.putIfAbsent(
                        normalise(key.group(1)),
                        new Declared(
                                path,
                                SourceTree.lineAt(text, header.end() + key.start()),
                                !body.substring(key.end()).startsWith(" \"*\""),
                                firstLine(body.substring(key.end()))));
            }
        }
    }

    private void add(String requirement, String path, int line) {
        Matcher m = NAME.matcher(requirement);
        if (m.find()) {
            String rest = requirement.substring(m.end());
            declared.putIfAbsent(
                    normalise(m.group(1)),
                    new Declared(
                            path, line, rest.matches("(\\[[^]]*])?\\s*===?.*"), rest.replaceFirst("^\\[[^]]*]", "")));
        }
    }
}
