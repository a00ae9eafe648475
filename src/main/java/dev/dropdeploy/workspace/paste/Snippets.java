package dev.dropdeploy.workspace.paste;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names an unnamed snippet from what it contains, the way a person would: a whole HTML document is the page, a
 * Flask or FastAPI import is the app, a component importing React is the app component, and so on. The block's
 * language (from the fence) is the fallback when the content says nothing more specific.
 */
final class Snippets {

    record Guess(String path, String reason) {}

    private static final Pattern HTML_DOC = Pattern.compile("(?is)^\\s*(?:<!--.*?-->\\s*)*(?:<!doctype html|<html)");
    private static final Pattern HTML_TAGS = Pattern.compile("(?i)<(?:body|head|div|main|section|h1|p|script)\\b");
    // Only a FROM before any other instruction: a SQL string with FROM inside other code must not match.
    private static final Pattern DOCKERFILE = Pattern.compile(
            "\\A(?:\\s*#.*\\n)*\\s*(?:ARG\\s.*\\n\\s*)*FROM\\s+[\\w./:@${}-]+(?:\\s+AS\\s+\\w+)?\\s*$",
            Pattern.MULTILINE);
    private static final Pattern FASTAPI = Pattern.compile("(?m)^\\s*(?:from fastapi import|import fastapi\\b)");
    private static final Pattern FLASK = Pattern.compile("(?m)^\\s*(?:from flask import|import flask\\b)");
    private static final Pattern PYTHON = Pattern.compile(
            "(?m)^(?:def \\w+\\(.*\\):|class \\w+.*:$|import \\w[\\w.]*(?: as \\w+)?$|from [\\w.]+ import "
                    + "|if __name__ ==|print\\()");
    private static final Pattern REACT =
            Pattern.compile("(?m)^\\s*import\\s.*\\sfrom\\s+['\"]react['\"]|\\breturn\\s*\\(?\\s*<[A-Za-z>]");
    private static final Pattern NEXT = Pattern.compile("(?m)^\\s*import\\s.*['\"]next/[\\w/-]+['\"]");
    private static final Pattern EXPRESS = Pattern.compile("require\\(\\s*['\"]express['\"]|from\\s+['\"]express['\"]");
    private static final Pattern NODE =
            Pattern.compile("\\brequire\\(\\s*['\"]|process\\.env|\\bcreateServer\\(|from\\s+['\"]node:");
    private static final Pattern CSS = Pattern.compile(
            "(?s)^\\s*(?:/\\*.*?\\*/\\s*)*(?:@import|@media|:root|[\\w.#*\\[\\]:,>~+\\s-]+)\\s*\\{[^{}]*:[^{}]*;");
    private static final Pattern BROWSER_JS =
            Pattern.compile("\\bdocument\\.|\\bwindow\\.|addEventListener\\(|\\bconst\\s|\\blet\\s|\\bfunction\\s");
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "(?m)^\\s*public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("(?m)^\\s*package\\s+(\\w+(?:\\.\\w+)*)\\s*;");
    // A top-level <template> next to <script> or <style>: the shape of a single-file component, not of a page.
    private static final Pattern VUE_COMPONENT =
            Pattern.compile("(?s)\\A\\s*(?:<!--.*?-->\\s*)*<(?:template|script|style)\\b.*</template>");
    // A component that starts with its <script> and uses Svelte's own syntax: blocks, directives, runes, props.
    private static final Pattern SVELTE_START = Pattern.compile("(?s)\\A\\s*(?:<!--.*?-->\\s*)*<script\\b");
    private static final Pattern SVELTE_SYNTAX = Pattern.compile(
            "\\{#(?:if|each|await)\\b|\\b(?:on|bind):\\w+|\\$:\\s|\\$(?:state|props|derived|effect)\\(|\\bexport\\s+let\\s");
    private static final Pattern GO_MOD = Pattern.compile("\\A\\s*module\\s+\\S+\\s*\\n(?:\\s*\\n)*\\s*go\\s+\\d");
    private static final Pattern GO_SOURCE = Pattern.compile("(?m)\\A(?:\\s*//.*\\n)*\\s*package\\s+(\\w+)\\s*$");
    private static final Pattern POM = Pattern.compile("(?s)^\\s*(?:<\\?xml[^>]*>\\s*)?<project\\b.*<artifactId>");
    private static final Pattern PACKAGE_JSON =
            Pattern.compile("(?s)\\A\\s*\\{.*\"(?:dependencies|devDependencies|scripts)\"\\s*:\\s*\\{");
    private static final Map<String, String> BY_LANGUAGE = Map.ofEntries(
            Map.entry("html", "index.html"),
            Map.entry("css", "style.css"),
            Map.entry("python", "main.py"),
            Map.entry("py", "main.py"),
            Map.entry("javascript", "index.js"),
            Map.entry("js", "index.js"),
            Map.entry("typescript", "index.ts"),
            Map.entry("ts", "index.ts"),
            Map.entry("go", "main.go"),
            Map.entry("php", "index.php"),
            Map.entry("ruby", "app.rb"),
            Map.entry("dockerfile", "Dockerfile"),
            Map.entry("vue", "src/App.vue"),
            Map.entry("svelte", "src/App.svelte"));

    private Snippets() {}

    static Optional<Guess> guess(String language, String content) {
        String lang = language.toLowerCase();
        if (HTML_DOC.matcher(content).find()) {
            return named("index.html", "a whole HTML page");
        }
        if (DOCKERFILE.matcher(content).find() && !lang.matches("python|py|js|javascript")) {
            return named("Dockerfile", "a Dockerfile (it starts with FROM)");
        }
        Optional<Guess> byBuildFile = buildFile(content);
        if (byBuildFile.isPresent()) {
            return byBuildFile;
        }
        Optional<Guess> source = javaOrGo(content);
        if (source.isPresent()) {
            return source;
        }
        if (VUE_COMPONENT.matcher(content).find() && !HTML_DOC.matcher(content).find()) {
            return named("src/App.vue", "a Vue single-file component (<template> and <script>)");
        }
        if (SVELTE_START.matcher(content).find()
                && SVELTE_SYNTAX.matcher(content).find()) {
            return named("src/App.svelte", "a Svelte component (<script> and Svelte's own markup syntax)");
        }
        if (FASTAPI.matcher(content).find()) {
            return named("app.py", "a FastAPI app (it imports fastapi)");
        }
        if (FLASK.matcher(content).find()) {
            return named("app.py", "a Flask app (it imports flask)");
        }
        if (REACT.matcher(content).find()) {
            boolean typed = lang.matches("tsx|typescript|ts");
            if (NEXT.matcher(content).find()) {
                return named(typed ? "app/page.tsx" : "app/page.jsx", "a Next.js page (it imports next/...)");
            }
            return named(typed ? "src/App.tsx" : "src/App.jsx", "a React component");
        }
        if (EXPRESS.matcher(content).find()) {
            return named("server.js", "an Express server (it uses express)");
        }
        if (NODE.matcher(content).find() && !lang.matches("python|py")) {
            return named("index.js", "Node.js code (it uses require or process)");
        }
        if (lang.matches("python|py|python3")
                || (lang.isEmpty() && PYTHON.matcher(content).find())) {
            return named("main.py", "Python code");
        }
        if (CSS.matcher(content).find() && !BROWSER_JS.matcher(content).find()) {
            return named("style.css", "CSS rules");
        }
        if (lang.matches("js|javascript|") && BROWSER_JS.matcher(content).find()) {
            return named("script.js", "browser JavaScript");
        }
        if (lang.matches("html|") && HTML_TAGS.matcher(content).find()) {
            return named("index.html", "HTML markup");
        }
        return Optional.ofNullable(BY_LANGUAGE.get(lang)).map(p -> new Guess(p, "a " + language + " block"));
    }

    /** Manifests a chat often shows without a name: their shape names them. */
    private static Optional<Guess> buildFile(String content) {
        if (GO_MOD.matcher(content).find()) {
            return named("go.mod", "a Go module file (module and go lines)");
        }
        if (POM.matcher(content).find()) {
            return named("pom.xml", "a Maven pom (<project> with an artifactId)");
        }
        if (PACKAGE_JSON.matcher(content).find()) {
            return named("package.json", "a package.json (dependencies or scripts)");
        }
        return Optional.empty();
    }

    /**
     * Java names a file after its public type, in the folder of its package (the layout javac and Maven expect); a Go
     * file of package main is main.go, another package is a file in a folder of that name.
     */
    private static Optional<Guess> javaOrGo(String content) {
        Matcher type = JAVA_TYPE.matcher(content);
        if (type.find()) {
            Matcher pkg = JAVA_PACKAGE.matcher(content);
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            return named(
                    folder + type.group(2) + ".java",
                    "Java code named by its public " + type.group(1) + " " + type.group(2));
        }
        Matcher go = GO_SOURCE.matcher(content);
        if (go.find() && content.contains("func ")) {
            String pkg = go.group(1);
            return named(pkg.equals("main") ? "main.go" : pkg + "/" + pkg + ".go", "Go code of package " + pkg);
        }
        return Optional.empty();
    }

    private static Optional<Guess> named(String path, String reason) {
        return Optional.of(new Guess(path, reason));
    }
}
