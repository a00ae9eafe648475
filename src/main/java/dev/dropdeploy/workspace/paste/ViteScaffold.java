package dev.dropdeploy.workspace.paste;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A pasted React component on its own cannot run: it needs a page, an entry that mounts it, and a build. This adds
 * the smallest Vite project around {@code src/App.jsx} (or {@code .tsx}), with the packages the component imports.
 */
final class ViteScaffold {

    private static final Pattern IMPORT =
            Pattern.compile("(?m)^\\s*import\\s(?:.*\\sfrom\\s)?['\"]([^'\"./][^'\"]*)['\"]");
    private static final Pattern LOCAL_CSS = Pattern.compile("(?m)^\\s*import\\s+['\"]\\./([\\w.-]+\\.css)['\"]");

    private ViteScaffold() {}

    /** @return the files to add, with one note each; empty unless there is a component and no project around it */
    static Map<String, String> complete(Map<String, String> files, java.util.List<String> notes) {
        String app = files.containsKey("src/App.tsx") ? "src/App.tsx" : "src/App.jsx";
        if (!files.containsKey(app) || files.containsKey("package.json") || files.containsKey("index.html")) {
            return Map.of();
        }
        String entry = app.endsWith("tsx") ? "src/main.tsx" : "src/main.jsx";
        Map<String, String> added = new LinkedHashMap<>();
        added.put("package.json", packageJson(files.get(app)));
        added.put(
                "vite.config.js",
                "import { defineConfig } from 'vite'\nimport react from '@vitejs/plugin-react'\n\n"
                        + "export default defineConfig({ plugins: [react()] })\n");
        added.put(
                "index.html",
                "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                        + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>App</title>\n"
                        + "</head>\n<body>\n  <div id=\"root\"></div>\n  <script type=\"module\" src=\"/" + entry
                        + "\"></script>\n</body>\n</html>\n");
        if (!files.containsKey(entry)) {
            added.put(
                    entry,
                    "import React from 'react'\nimport { createRoot } from 'react-dom/client'\n"
                            + "import App from './" + app.substring(4, app.lastIndexOf('.')) + "'\n\n"
                            + "createRoot(document.getElementById('root')).render(<App />)\n");
        }
        notes.add("Added a Vite project around " + app + " (package.json, vite.config.js, index.html, " + entry
                + ") so the component has a page to mount on and a build; package versions are '*' (the latest).");
        Matcher css = LOCAL_CSS.matcher(files.get(app));
        while (css.find()) {
            String path = "src/" + css.group(1);
            if (!files.containsKey(path)) {
                added.put(path, "");
                notes.add(
                        "Added an empty " + path + " because " + app + " imports it and the paste did not include it.");
            }
        }
        return added;
    }

    private static String packageJson(String component) {
        Set<String> deps = new TreeSet<>(Set.of("react", "react-dom"));
        Matcher m = IMPORT.matcher(component);
        while (m.find()) {
            String spec = m.group(1);
            String[] parts = spec.split("/");
            deps.add(spec.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0]);
        }
        String dependencies = deps.stream().map(d -> "    \"" + d + "\": \"*\"").collect(Collectors.joining(",\n"));
        return "{\n  \"name\": \"app\",\n  \"private\": true,\n  \"type\": \"module\",\n  \"scripts\": {\n"
                + "    \"dev\": \"vite\",\n    \"build\": \"vite build\",\n    \"preview\": \"vite preview\"\n  },\n"
                + "  \"dependencies\": {\n" + dependencies + "\n  },\n  \"devDependencies\": {\n"
                + "    \"@vitejs/plugin-react\": \"*\",\n    \"vite\": \"*\"\n  }\n}\n";
    }
}
