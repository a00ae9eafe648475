package dev.dropdeploy.build;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .dockerignore} rules, applied on our side because the engine's API takes the context as sent. Patterns are
 * relative to the context root; a pattern excludes a path or any of its parent folders; {@code !} re-includes; the
 * last matching rule wins, as in Docker.
 */
final class DockerIgnore {

    private record Rule(PathMatcher matcher, boolean exclude) {}

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exclude = !line.startsWith("!");
            String pattern = (exclude ? line : line.substring(1)).replaceAll("^/+|/+$", "");
            if (pattern.startsWith("./")) {
                pattern = pattern.substring(2);
            }
            if (!pattern.isEmpty()) {
                rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern), exclude));
            }
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** @param relative a path relative to the context root */
    boolean excludes(Path relative) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItselfOrParent(rule.matcher(), relative)) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    private static boolean matchesItselfOrParent(PathMatcher matcher, Path relative) {
        for (int end = relative.getNameCount(); end > 0; end--) {
            if (matcher.matches(relative.subpath(0, end))) {
                return true;
            }
        }
        return false;
    }
}
