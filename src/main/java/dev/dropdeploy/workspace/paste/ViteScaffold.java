package dev.dropdeploy.workspace.paste;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A pasted React or Vue component on its own cannot run: it needs a page, an entry that mounts it, and a build. This
 * adds the smallest Vite project around it, with the packages it imports. The component keeps its name and folder;
 * the entry is written beside it ({@code src/} or the root), so any component name works, not only {@code App}.
 */
final class ViteScaffold {

    private static final Pattern IMPORT =
            Pattern.compile("(?m)^\\s*import\\s(?:.*\\sfrom\\s)?['\"]([^'\"./][^'\"]*)['\"]");
    private static final Pattern LOCAL_CSS = Pattern.compile("(?m)^\\s*import\\s+['\"]\\./([\\w.-]+\\.css)['\"]");
    private static final Pattern DEFAULT_EXPORT = Pattern.compile("(?m)^\\s*export\\s+default\\b");
    private static final Pattern JSX = Pattern.compile("<[A-Za-z][\\w.]*[\\s/>]|<>");
    // A pasted entry that mounts the app already (Create React App's index.js, Vue's main.js) is the page's script.
    private static final Pattern MOUNTS = Pattern.compile(
            "\\bcreateRoot\\(|\\bReactDOM\\.render\\(|\\bcreateApp\\([^)]*\\)\\s*(?:\\.use\\([^)]*\\)\\s*)*\\.mount\\(");

    private record Kind(String name, String mountId, Set<String> runtime, String plugin, String pluginImport) {}

    private static final Kind REACT = new Kind(
            "React",
            "root",
            Set.of("react", "react-dom"),
            "@vitejs/plugin-react",
            "import react from '@vitejs/plugin-react'");
    private static final Kind VUE =
            new Kind("Vue", "app", Set.of("vue"), "@vitejs/plugin-vue", "import vue from '@vitejs/plugin-vue'");

    private ViteScaffold() {}

    /** @return the files to add, with one note each; empty unless there is a component and no project around it */
    static Map<String, String> complete(Map<String, String> files, List<String> notes) {
        if (files.containsKey("package.json") || files.containsKey("index.html")) {
            return Map.of();
        }
        Optional<String> vue = root(
                files, files.keySet().stream().filter(p -> p.endsWith(".vue")).toList());
        if (vue.isPresent()) {
            return scaffold(files, vue.get(), VUE, notes);
        }
        List<String> react = files.keySet().stream()
                .filter(p -> p.matches(".*\\.(jsx|tsx)"))
                .filter(p -> DEFAULT_EXPORT.matcher(files.get(p)).find()
                        && JSX.matcher(files.get(p)).find())
                .toList();
        return root(files, react).map(c -> scaffold(files, c, REACT, notes)).orElse(Map.of());
    }

    /** The component to mount: one named App, else one no other pasted file imports (the top of the tree). */
    private static Optional<String> root(Map<String, String> files, List<String> components) {
        return components.stream()
                .min(Comparator.comparing((String p) -> !baseName(p).equals("App"))
                        .thenComparing(p -> importedByOthers(files, p))
                        .thenComparing(Comparator.naturalOrder()));
    }

    private static boolean importedByOthers(Map<String, String> files, String component) {
        Pattern imported = Pattern.compile(
                "from\\s+['\"][./]*(?:[\\w./-]*/)?" + Pattern.quote(baseName(component)) + "(?:\\.\\w+)?['\"]");
        return files.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(component)
                        && imported.matcher(e.getValue()).find());
    }

    private static Map<String, String> scaffold(
            Map<String, String> files, String component, Kind kind, List<String> notes) {
        String dir = component.startsWith("src/") ? "src/" : "";
        boolean typed = component.endsWith(".tsx");
        Optional<String> ownEntry = files.keySet().stream()
                .filter(p -> p.matches(".*\\.(jsx|tsx|js|ts)")
                        && MOUNTS.matcher(files.get(p)).find())
                .findFirst();
        String entry = ownEntry.orElse(dir + "main." + (kind == VUE ? "js" : typed ? "tsx" : "jsx"));
        String fromEntry = "./" + component.substring(dir.length());
        String name = baseName(component);
        Map<String, String> added = new LinkedHashMap<>();
        List<String> sources = ownEntry.isPresent() && !ownEntry.get().equals(component)
                ? List.of(component, ownEntry.get())
                : List.of(component);
        added.put(
                "package.json",
                packageJson(sources.stream().map(files::get).collect(Collectors.joining("\n")), kind, typed));
        added.put(
                "vite.config.js",
                "import { defineConfig } from 'vite'\n" + kind.pluginImport() + "\n\n"
                        + "export default defineConfig({ plugins: [" + (kind == VUE ? "vue" : "react") + "()] })\n");
        added.put(
                "index.html",
                "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                        + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>"
                        + name + "</title>\n</head>\n<body>\n  <div id=\"" + kind.mountId()
                        + "\"></div>\n  <script type=\"module\" src=\"/" + entry + "\"></script>\n</body>\n</html>\n");
        if (ownEntry.isEmpty() && !files.containsKey(entry)) {
            added.put(
                    entry,
                    kind == VUE
                            ? "import { createApp } from 'vue'\nimport App from '" + fromEntry + "'\n\n"
                                    + "createApp(App).mount('#app')\n"
                            : "import React from 'react'\nimport { createRoot } from 'react-dom/client'\n"
                                    + "import " + name + " from '" + fromEntry.replaceFirst("\\.[jt]sx$", "")
                                    + "'\n\ncreateRoot(document.getElementById('root')).render(<" + name + " />)\n");
        }
        notes.add("Added a Vite project around " + component + " (package.json, vite.config.js, index.html"
                + (ownEntry.isPresent() ? ", which loads " + entry : ", " + entry) + ") so the " + kind.name()
                + " component has a page to mount on and a build; package versions are"
                + " '*' (the latest).");
        sources.forEach(source -> emptyStylesheets(files, source, added, notes));
        return added;
    }

    /** A stylesheet the code imports but the paste left out would fail the build; an empty one keeps it going. */
    private static void emptyStylesheets(
            Map<String, String> files, String source, Map<String, String> added, List<String> notes) {
        Matcher css = LOCAL_CSS.matcher(files.get(source));
        String folder = source.substring(0, source.lastIndexOf('/') + 1);
        while (css.find()) {
            String path = folder + css.group(1);
            if (!files.containsKey(path) && !added.containsKey(path)) {
                added.put(path, "");
                notes.add("Added an empty " + path + " because " + source
                        + " imports it and the paste did not include it.");
            }
        }
    }

    private static String baseName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.indexOf('.') < 0 ? file.length() : file.indexOf('.'));
    }

    private static String packageJson(String code, Kind kind, boolean typed) {
        Set<String> deps = new TreeSet<>(kind.runtime());
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            String spec = m.group(1);
            String[] parts = spec.split("/");
            deps.add(spec.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0]);
        }
        Set<String> devDeps = new TreeSet<>(Set.of(kind.plugin(), "vite"));
        if (typed) {
            devDeps.add("typescript");
        }
        return "{\n  \"name\": \"app\",\n  \"private\": true,\n  \"type\": \"module\",\n  \"scripts\": {\n"
                + "    \"dev\": \"vite\",\n    \"build\": \"vite build\",\n    \"preview\": \"vite preview\"\n  },\n"
                + "  \"dependencies\": {\n" + versions(deps) + "\n  },\n  \"devDependencies\": {\n" + versions(devDeps)
                + "\n  }\n}\n";
    }

    private static String versions(Set<String> packages) {
        return packages.stream().map(d -> "    \"" + d + "\": \"*\"").collect(Collectors.joining(",\n"));
    }
}
