package dev.dropdeploy.workspace.paste;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The npm packages pasted code imports, and the package.json that asks for them, for the scaffolds. */
final class PackageImports {

    private static final Pattern IMPORT =
            Pattern.compile("(?m)^\\s*import\\s(?:.*\\sfrom\\s)?['\"]([^'\"./][^'\"]*)['\"]");
    // Path aliases (@/components, ~/lib) and Node's own modules are not packages in the registry.
    private static final Pattern NOT_A_PACKAGE = Pattern.compile("^(?:[@~]/|node:).*");

    private PackageImports() {}

    /** Package names (a scope kept with its name), for every import of a package in the code. */
    static Set<String> names(String code) {
        Set<String> names = new TreeSet<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String spec = m.group(1);
            if (NOT_A_PACKAGE.matcher(spec).matches()) {
                continue;
            }
            String[] parts = spec.split("/");
            names.add(spec.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0]);
        }
        return names;
    }

    /** A private package.json; every version is '*' (the latest), since pasted code does not say which it needs. */
    static String manifest(Map<String, String> scripts, Set<String> dependencies, Set<String> devDependencies) {
        return "{\n  \"name\": \"app\",\n  \"private\": true,\n  \"type\": \"module\",\n  \"scripts\": {\n"
                + scripts.entrySet().stream()
                        .map(e -> "    \"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",\n"))
                + "\n  },\n  \"dependencies\": {\n" + versions(dependencies) + "\n  },\n  \"devDependencies\": {\n"
                + versions(devDependencies) + "\n  }\n}\n";
    }

    private static String versions(Set<String> packages) {
        return new TreeSet<>(packages)
                .stream().map(d -> "    \"" + d + "\": \"*\"").collect(Collectors.joining(",\n"));
    }
}
