package dev.dropdeploy.workspace.paste;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the file name a chat gave a code block: in the fence's info string, in a heading or bold line just above
 * it, or in a comment on its first line. Only names that look like project files count, so prose such as "Here is
 * the code:" never names a file.
 */
final class FileNames {

    private static final Set<String> EXTENSIONS = Set.of(
            "py",
            "js",
            "jsx",
            "ts",
            "tsx",
            "mjs",
            "cjs",
            "html",
            "htm",
            "css",
            "scss",
            "sass",
            "less",
            "json",
            "md",
            "txt",
            "yml",
            "yaml",
            "toml",
            "ini",
            "cfg",
            "conf",
            "sh",
            "go",
            "mod",
            "rs",
            "java",
            "kt",
            "rb",
            "php",
            "sql",
            "svg",
            "xml",
            "vue",
            "svelte",
            "env",
            "lock",
            "csv",
            "gradle",
            "properties",
            "astro",
            "prisma");
    private static final Set<String> BARE_NAMES = Set.of(
            "Dockerfile",
            "Procfile",
            "Makefile",
            "Gemfile",
            "Pipfile",
            ".env",
            ".gitignore",
            ".dockerignore",
            ".env.example",
            ".nvmrc",
            ".python-version");
    private static final String PATH = "(?:\\./)?(\\.?[\\w@+~-][\\w.@+~-]*(?:/[\\w.@+~-]+)*)";
    private static final Pattern ATTRIBUTE =
            Pattern.compile("(?:title|filename|file|name|path)\\s*=\\s*[\"']?([^\"'\\s]+)[\"']?");
    private static final Pattern BACKTICKED = Pattern.compile("`" + PATH + "`");
    private static final Pattern LABEL =
            Pattern.compile("(?i)^(?:#{1,6}\\s*)?[*_`\"]*(?:\\d+[.)]\\s*)?(?:(?:file|filename|"
                    + "path)\\s*[:=-]?\\s*)?[*_`\"]*" + PATH + "[*_`\"]*\\s*:?\\s*(?:(?:[-–—:(]|\\s-\\s).*)?$");
    private static final Pattern ENDS_WITH_NAME = Pattern.compile("\\s" + PATH + "[*_`\"]*\\s*:$");
    private static final Pattern COMMENT = Pattern.compile("(?i)^\\s*(?://+|#|--|;|<!--|/\\*+|\\{/\\*)\\s*"
            + "(?:(?:file|filename|path)\\s*[:=-]?\\s*)?" + PATH + "\\s*(?:(?:-->|\\*+/\\}?)|\\s+[-–—(].*)?\\s*$");

    private FileNames() {}

    static boolean looksLikeFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (BARE_NAMES.contains(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase());
    }

    /** {@code python:app.py}, {@code js title="server.js"}, {@code js server.js} or just {@code app.py}. */
    static Optional<String> fromInfo(String info) {
        Matcher attribute = ATTRIBUTE.matcher(info);
        if (attribute.find()) {
            return file(attribute.group(1));
        }
        for (String token : info.split("[\\s:,{}]+")) {
            if (token.contains(".") || token.contains("/") || BARE_NAMES.contains(token)) {
                Optional<String> name = file(token);
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code ### app.py}, {@code **src/App.jsx**}, {@code `index.html`}, "Create `server.js`:", "app.py:". */
    static Optional<String> fromLead(String line) {
        Matcher backticked = BACKTICKED.matcher(line);
        while (backticked.find()) {
            Optional<String> name = file(backticked.group(1));
            if (name.isPresent() && (isLabel(line) || line.endsWith(":") || line.startsWith("#"))) {
                return name;
            }
        }
        Matcher label = LABEL.matcher(line);
        if (isLabel(line) && label.matches()) {
            return file(label.group(1));
        }
        Matcher ending = ENDS_WITH_NAME.matcher(" " + line);
        return ending.find() ? file(ending.group(1)) : Optional.empty();
    }

    /** {@code // file: server.js}, {@code # app.py}, {@code <!-- index.html -->}, {@code /* style.css * /}. */
    static Optional<String> fromFirstLine(String content) {
        String first = content.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        Matcher comment = COMMENT.matcher(first);
        return comment.matches() ? file(comment.group(1)) : Optional.empty();
    }

    /** Headings, bold or code-only lines, and short "name:" lines: the places a chat puts a file name. */
    private static boolean isLabel(String line) {
        return line.startsWith("#")
                || line.startsWith("**")
                || line.startsWith("__")
                || line.startsWith("`")
                || line.matches("(?i)^(?:\\d+[.)]\\s*)?(?:file|filename|path)\\b.*")
                || line.matches("^\\S+:?$");
    }

    private static Optional<String> file(String candidate) {
        String path = candidate.replaceFirst("^\\./", "");
        return looksLikeFile(path) ? Optional.of(path) : Optional.empty();
    }
}
