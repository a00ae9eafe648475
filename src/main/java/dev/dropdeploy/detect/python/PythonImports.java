package dev.dropdeploy.detect.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Third-party modules a Python file imports, and the PyPI distribution that provides each. */
public final class PythonImports {

    private static final Pattern IMPORT = Pattern.compile(
            "^[ \\t]*(?:import[ \\t]+([\\w.]+(?:[ \\t]*,[ \\t]*[\\w.]+)*)|from[ \\t]+([\\w.]+)[ \\t]+import\\b)",
            Pattern.MULTILINE);
    private static final Set<String> STDLIB =
            Set.copyOf(lines("python-stdlib.txt").keySet());
    private static final Map<String, String> DISTRIBUTIONS = lines("python-import-map.properties");

    private PythonImports() {}

    /** Top-level module -> 1-based line of its first import; stdlib and relative imports left out. */
    public static Map<String, Integer> thirdParty(String source) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            String names = m.group(1) != null ? m.group(1) : m.group(2);
            for (String name : names.split(",")) {
                String module = name.trim().split("\\s")[0];
                String top = module.startsWith(".") ? "" : module.split("\\.")[0];
                if (!top.isEmpty() && !STDLIB.contains(top) && !top.startsWith("_")) {
                    out.putIfAbsent(distributionKey(module), lineAt(source, m.start()));
                }
            }
        }
        return out;
    }

    /** The module name the distribution map knows (some map a dotted name such as google.generativeai). */
    private static String distributionKey(String module) {
        String[] parts = module.split("\\.");
        return parts.length > 1 && DISTRIBUTIONS.containsKey(parts[0] + "." + parts[1])
                ? parts[0] + "." + parts[1]
                : parts[0];
    }

    /** PyPI name for an import name, normalised (PEP 503). */
    public static String distribution(String module) {
        return PythonDeps.normalise(DISTRIBUTIONS.getOrDefault(module, module));
    }

    private static int lineAt(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Map<String, String> lines(String resource) {
        try (InputStream in = PythonImports.class.getResourceAsStream("/dev/dropdeploy/detect/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            Map<String, String> out = new LinkedHashMap<>();
            if (resource.endsWith(".properties")) {
                Properties props = new Properties();
                props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
            } else {
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .forEach(s -> out.put(s, s));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
