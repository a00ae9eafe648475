package dev.dropdeploy.workspace.paste;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Next.js pages pasted without their project ({@code app/page.tsx}, {@code pages/index.js}, or code importing {@code
 * next/...}) are a Next.js app, not a component to mount with Vite: this adds the package.json that builds and starts
 * it with Next, the root layout the App Router requires when the paste left it out, and the path alias {@code @/}
 * that Next's own starter sets up.
 */
final class NextScaffold {

    private static final Pattern CODE = Pattern.compile(".*\\.(?:tsx|jsx|ts|js|mjs)$");
    private static final Pattern APP_PAGE = Pattern.compile("^((?:src/)?app)/(?:[^/]+/)*page\\.(?:tsx|jsx|ts|js)$");
    private static final Pattern PAGES = Pattern.compile("^(?:src/)?pages/(?:[^/]+/)*[^/]+\\.(?:tsx|jsx|ts|js)$");
    private static final Pattern NEXT_IMPORT = Pattern.compile("(?m)^\\s*import\\s.*['\"]next(?:/[\\w/-]+)?['\"]");
    private static final Pattern CLIENT_ONLY =
            Pattern.compile("\\buse(?:State|Effect|Reducer|Ref|Context|Memo|Callback|"
                    + "LayoutEffect|Transition)\\(|\\bon[A-Z]\\w*=\\{|\\b(?:window|document|localStorage)\\.");
    private static final Pattern USE_CLIENT =
            Pattern.compile("\\A(?:\\s*//.*\\n|\\s*/\\*(?s:.*?)\\*/)*\\s*['\"]use client['\"]");
    private static final Pattern EXPORTS_METADATA = Pattern.compile(
            "(?m)^\\s*export\\s+(?:const|async function|function)\\s+" + "(?:metadata|generateMetadata)\\b");
    private static final Pattern ALIAS_IMPORT = Pattern.compile("(?m)^\\s*import\\s.*['\"]@/");

    private NextScaffold() {}

    /**
     * @param changed receives pasted files repaired the way a person would (a {@code 'use client'} line)
     * @return the files to add, with notes; empty unless Next.js code was pasted without a package.json
     */
    static Map<String, String> complete(Map<String, String> files, Map<String, String> changed, List<String> notes) {
        if (files.containsKey("package.json") || !isNext(files)) {
            return Map.of();
        }
        Map<String, String> code = new LinkedHashMap<>();
        files.forEach((path, text) -> {
            if (CODE.matcher(path).matches()) {
                code.put(path, text);
            }
        });
        boolean typed = code.keySet().stream().anyMatch(p -> p.endsWith(".tsx") || p.endsWith(".ts"));
        Map<String, String> added = new LinkedHashMap<>();
        added.put("package.json", packageJson(code.values(), typed));
        List<String> parts = new java.util.ArrayList<>(List.of("package.json with next, react and react-dom"));
        rootLayout(files, typed).ifPresent(layout -> {
            added.put(layout.getKey(), layout.getValue());
            parts.add(layout.getKey() + " (the App Router needs a root layout)");
        });
        if (code.values().stream().anyMatch(text -> ALIAS_IMPORT.matcher(text).find())) {
            String config = typed ? "tsconfig.json" : "jsconfig.json";
            String base = files.keySet().stream().anyMatch(p -> p.startsWith("src/")) ? "./src/*" : "./*";
            added.put(
                    config,
                    "{\n  \"compilerOptions\": {\n    \"baseUrl\": \".\",\n    \"paths\": { \"@/*\": [\"" + base
                            + "\"] }\n  }\n}\n");
            parts.add(config + " for the @/ imports");
        }
        notes.add("Added a Next.js project around the pasted pages (" + String.join(", ", parts)
                + "); next build makes the rest. Package versions are '*' (the latest).");
        code.keySet().forEach(source -> ViteScaffold.emptyStylesheets(files, source, added, notes));
        if (files.keySet().stream().anyMatch(p -> APP_PAGE.matcher(p).matches())) {
            clientComponents(code, changed, notes);
        }
        return added;
    }

    /**
     * In the App Router every component is a server component unless it says {@code 'use client'}, and one using state,
     * effects, event handlers or the browser's objects fails the build without it: the line chats most often forget.
     */
    private static void clientComponents(Map<String, String> code, Map<String, String> changed, List<String> notes) {
        code.forEach((path, text) -> {
            if (CLIENT_ONLY.matcher(text).find()
                    && !USE_CLIENT.matcher(text).find()
                    && !EXPORTS_METADATA.matcher(text).find()) {
                changed.put(path, "'use client'\n\n" + text);
                notes.add(path + ": added 'use client' at the top, because it uses state, effects or event handlers,"
                        + " which Next.js allows only in client components.");
            }
        });
    }

    private static boolean isNext(Map<String, String> files) {
        return files.entrySet().stream()
                .anyMatch(e -> APP_PAGE.matcher(e.getKey()).matches()
                        || PAGES.matcher(e.getKey()).matches()
                        || (CODE.matcher(e.getKey()).matches()
                                && NEXT_IMPORT.matcher(e.getValue()).find()));
    }

    private static String packageJson(Iterable<String> code, boolean typed) {
        Set<String> deps = new TreeSet<>(Set.of("next", "react", "react-dom"));
        code.forEach(text -> deps.addAll(PackageImports.names(text)));
        Set<String> devDeps =
                typed ? Set.of("typescript", "@types/react", "@types/react-dom", "@types/node") : Set.of();
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("dev", "next dev");
        scripts.put("build", "next build");
        scripts.put("start", "next start");
        return PackageImports.manifest(scripts, deps, devDeps);
    }

    /** The App Router refuses to build pages without {@code app/layout}; the smallest one renders the page as is. */
    private static java.util.Optional<Map.Entry<String, String>> rootLayout(Map<String, String> files, boolean typed) {
        for (String path : files.keySet()) {
            Matcher page = APP_PAGE.matcher(path);
            if (page.matches()) {
                String app = page.group(1);
                boolean hasLayout =
                        files.keySet().stream().anyMatch(p -> p.matches(Pattern.quote(app) + "/layout\\.\\w+"));
                if (hasLayout) {
                    return java.util.Optional.empty();
                }
                String children = typed ? "{ children }: { children: ReactNode }" : "{ children }";
                return java.util.Optional.of(
                        Map.entry(
                                app + "/layout." + (typed ? "tsx" : "jsx"),
                                (typed ? "import type { ReactNode } from 'react'\n\n" : "")
                                        + "export default function RootLayout(" + children + ") {\n"
                                        + "  return (\n    <html lang=\"en\">\n      <body>{children}</body>\n    </html>\n  )\n}\n"));
            }
        }
        return java.util.Optional.empty();
    }
}
