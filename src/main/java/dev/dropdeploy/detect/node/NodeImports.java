package dev.dropdeploy.detect.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Package names a JavaScript/TypeScript file imports, builtins and relative paths left out. */
public final class NodeImports {

    private static final Pattern SPECIFIER = Pattern.compile(
            "(?:require\\(\\s*|import\\s*\\(\\s*|\\bfrom\\s+|^\\s*import\\s+)['\"]([^'\"\\s]+)['\"]",
            Pattern.MULTILINE);
    private static final Set<String> BUILTINS = load();

    private NodeImports() {}

    /** Distribution names, e.g. {@code express}, {@code @hono/node-server} for {@code @hono/node-server/x}. */
    public static Set<String> packages(String source) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = SPECIFIER.matcher(source);
        while (m.find()) {
            String name = packageName(m.group(1));
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    static String packageName(String specifier) {
        if (specifier.startsWith(".")
                || specifier.startsWith("/")
                || specifier.startsWith("node:")
                || specifier.contains(":")
                || specifier.startsWith("#")
                || specifier.startsWith("@/")
                || specifier.startsWith("~")
                || specifier.startsWith("$")) {
            return null;
        }
        String[] parts = specifier.split("/");
        String name = specifier.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
        return BUILTINS.contains(parts[0]) || BUILTINS.contains(name) ? null : name;
    }

    private static Set<String> load() {
        try (InputStream in = NodeImports.class.getResourceAsStream("/dev/dropdeploy/detect/node-builtins.txt")) {
            return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("node-builtins.txt missing from the classpath", e);
        }
    }
}
