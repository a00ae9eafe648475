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
 * A pasted React, Vue or Svelte component on its own cannot run: it needs a page, an entry that mounts it, and a build. This
 * adds the smallest Vite project around it, with the packages it imports. The component keeps its name and folder;
 * the entry is written beside it ({@code src/} or the root), so any component name works, not only {@code App}.
 */
final class ViteScaffold {

    private static final Pattern LOCAL_CSS = Pattern.compile("(?m)^\\s*import\\s+['\"]\\./([\\w.-]+\\.css)['\"]");
    private static final Pattern DEFAULT_EXPORT = Pattern.compile("(?m)^\\s*export\\s+default\\b");
    private static final Pattern JSX = Pattern.compile("<[A-Za-z][\\w.]*[\\s/>]|<>");
    // A pasted entry that mounts the app already (Create React App's index.js, Vue's main.js) is the page's script.
    private static final Pattern MOUNTS = Pattern.compile(
            "\\bcreateRoot\\(|\\bReactDOM\\.render\\(|\\bcreateApp\\([^)]*\\)\\s*(?:\\.use\\([^)]*\\)\\s*)*\\.mount\\("
                    + "|\\bmount\\(\\s*\\w+\\s*,\\s*\\{\\s*target|\\bnew\\s+\\w+\\(\\s*\\{\\s*target");

    /**
     * @param entry the module that mounts the component, with {@code %1$s} for the name it is imported as and {@code
     *     %2$s} for its path
     */
    private record Kind(
            String name,
            String mountId,
            Set<String> runtime,
            String plugin,
            String pluginImport,
            String pluginCall,
            String entryExtension,
            String entry) {}

    private static final Kind REACT = new Kind(
            "React",
            "root",
            Set.of("react", "react-dom"),
            "@vitejs/plugin-react",
            "import react from '@vitejs/plugin-react'",
            "react()",
            "jsx",
            "import React from 'react'\nimport { createRoot } from 'react-dom/client'\nimport %1$s from '%2$s'\n\n"
                    + "createRoot(document.getElementById('root')).render(<%1$s />)\n");
    private static final Kind VUE = new Kind(
            "Vue",
            "app",
            Set.of("vue"),
            "@vitejs/plugin-vue",
            "import vue from '@vitejs/plugin-vue'",
            "vue()",
            "js",
            "import { createApp } from 'vue'\nimport %1$s from '%2$s'\n\ncreateApp(%1$s).mount('#app')\n");
    // Svelte 5's mount(); components in Svelte 4's syntax (export let, on:click) still compile in it.
    private static final Kind SVELTE = new Kind(
            "Svelte",
            "app",
            Set.of("svelte"),
            "@sveltejs/vite-plugin-svelte",
            "import { svelte } from '@sveltejs/vite-plugin-svelte'",
            "svelte()",
            "js",
            "import { mount } from 'svelte'\nimport %1$s from '%2$s'\n\n"
                    + "mount(%1$s, { target: document.getElementById('app') })\n");

    private ViteScaffold() {}

    /** @return the files to add, with one note each; empty unless there is a component and no project around it */
    static Map<String, String> complete(Map<String, String> files, List<String> notes) {
        if (files.containsKey("package.json") || files.containsKey("index.html")) {
            return Map.of();
        }
        for (Kind kind : List.of(VUE, SVELTE)) {
            String extension = "." + kind.name().toLowerCase(java.util.Locale.ROOT);
            Optional<String> component = root(
                    files,
                    files.keySet().stream().filter(p -> p.endsWith(extension)).toList());
            if (component.isPresent()) {
                return scaffold(files, component.get(), kind, notes);
            }
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
        String entry = ownEntry.orElse(dir + "main." + (typed && kind == REACT ? "tsx" : kind.entryExtension()));
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
                        + "export default defineConfig({ plugins: [" + kind.pluginCall() + "] })\n");
        added.put(
                "index.html",
                "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                        + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>"
                        + name + "</title>\n</head>\n<body>\n  <div id=\"" + kind.mountId()
                        + "\"></div>\n  <script type=\"module\" src=\"/" + entry + "\"></script>\n</body>\n</html>\n");
        if (ownEntry.isEmpty() && !files.containsKey(entry)) {
            String from = kind == REACT ? fromEntry.replaceFirst("\\.[jt]sx$", "") : fromEntry;
            // The component's own name when it is one JSX can render (PriceCard), else App (todo-list.vue).
            String identifier = name.matches("[A-Z][A-Za-z0-9_$]*") ? name : "App";
            added.put(entry, kind.entry().formatted(identifier, from));
        }
        notes.add("Added a Vite project around " + component + " (package.json, vite.config.js, index.html"
                + (ownEntry.isPresent() ? ", which loads " + entry : ", " + entry) + ") so the " + kind.name()
                + " component has a page to mount on and a build; package versions are"
                + " '*' (the latest).");
        sources.forEach(source -> emptyStylesheets(files, source, added, notes));
        return added;
    }

    /** A stylesheet the code imports but the paste left out would fail the build; an empty one keeps it going. */
    static void emptyStylesheets(
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
        deps.addAll(PackageImports.names(code));
        Set<String> devDeps = new TreeSet<>(Set.of(kind.plugin(), "vite"));
        if (typed) {
            devDeps.add("typescript");
        }
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("dev", "vite");
        scripts.put("build", "vite build");
        scripts.put("preview", "vite preview");
        return PackageImports.manifest(scripts, deps, devDeps);
    }
}
