package dev.dropdeploy.detect.python;

import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python entry point found in code, never guessed from a file name.
 *
 * @param framework {@code fastapi}, {@code flask}, {@code django}, {@code streamlit}, {@code gradio}, {@code dash},
 *     {@code fasthtml}, ...
 * @param file the file that defines it
 * @param line where
 * @param target what the server loads: {@code src.app:app}, {@code app:create_app()}, {@code mysite.wsgi}, or the
 *     script path for Streamlit and for a script that launches itself ({@link LaunchedApps})
 */
record PythonApp(String framework, String file, int line, String target) {

    /** {@code app = FastAPI(}, and FastHTML's {@code app, rt = fast_app(} (a Starlette app and its route decorator). */
    private static final Pattern APP_OBJECT = Pattern.compile(
            "^(\\w+)\\s*(?:,\\s*\\w+\\s*)?(?::\\s*[\\w.]+\\s*)?=\\s*(?:\\w+\\.)?"
                    + "(FastAPI|Flask|Starlette|Quart|FastHTML|fast_app)\\(",
            Pattern.MULTILINE);

    private static final Pattern FACTORY = Pattern.compile("^def\\s+(create_app|make_app)\\s*\\(", Pattern.MULTILINE);
    private static final Pattern WSGI_SETTING =
            Pattern.compile("WSGI_APPLICATION\\s*=\\s*['\"]([\\w.]+)\\.(\\w+)['\"]");
    private static final Pattern STREAMLIT =
            Pattern.compile("^\\s*(?:import streamlit|from streamlit\\b)", Pattern.MULTILINE);
    private static final List<String> PREFERRED =
            List.of("app.py", "main.py", "server.py", "wsgi.py", "asgi.py", "api.py");

    static Optional<PythonApp> find(SourceTree tree, String dir, List<SourceFile> sources) {
        List<SourceFile> ordered = sources.stream()
                .sorted(Comparator.comparingInt((SourceFile f) -> f.path().split("/").length)
                        .thenComparingInt(f -> PREFERRED.contains(f.name()) ? PREFERRED.indexOf(f.name()) : 99)
                        .thenComparing(SourceFile::path))
                .toList();
        return django(tree, dir, ordered)
                .or(() -> appObject(tree, dir, ordered))
                .or(() -> streamlit(tree, dir, ordered))
                .or(() -> LaunchedApps.find(tree, dir, ordered));
    }

    private static Optional<PythonApp> django(SourceTree tree, String dir, List<SourceFile> files) {
        if (!tree.exists(SourceTree.join(dir, "manage.py"))) {
            return Optional.empty();
        }
        for (SourceFile f : files) {
            String text = tree.textOrEmpty(f.path());
            Matcher m = WSGI_SETTING.matcher(text);
            if (m.find()) {
                return Optional.of(new PythonApp("django", f.path(), SourceTree.lineAt(text, m.start()), m.group(1)));
            }
        }
        return files.stream()
                .filter(f ->
                        f.name().equals("wsgi.py") && tree.textOrEmpty(f.path()).contains("get_wsgi_application"))
                .findFirst()
                .map(f -> new PythonApp("django", f.path(), 0, module(dir, f.path())));
    }

    private static Optional<PythonApp> appObject(SourceTree tree, String dir, List<SourceFile> files) {
        for (SourceFile f : files) {
            String text = tree.textOrEmpty(f.path());
            Matcher m = APP_OBJECT.matcher(text);
            if (m.find()) {
                String framework =
                        m.group(2).equals("fast_app") ? "fasthtml" : m.group(2).toLowerCase(java.util.Locale.ROOT);
                return Optional.of(new PythonApp(
                        framework,
                        f.path(),
                        SourceTree.lineAt(text, m.start()),
                        module(dir, f.path()) + ":" + m.group(1)));
            }
        }
        for (SourceFile f : files) {
            String text = tree.textOrEmpty(f.path());
            Matcher m = FACTORY.matcher(text);
            if (m.find() && text.contains("Flask(")) {
                return Optional.of(new PythonApp(
                        "flask",
                        f.path(),
                        SourceTree.lineAt(text, m.start()),
                        module(dir, f.path()) + ":" + m.group(1) + "()"));
            }
        }
        return Optional.empty();
    }

    private static Optional<PythonApp> streamlit(SourceTree tree, String dir, List<SourceFile> files) {
        for (SourceFile f : files) {
            String text = tree.textOrEmpty(f.path());
            Matcher m = STREAMLIT.matcher(text);
            if (m.find()) {
                return Optional.of(new PythonApp(
                        "streamlit", f.path(), SourceTree.lineAt(text, m.start()), relative(dir, f.path())));
            }
        }
        return Optional.empty();
    }

    /** {@code src/app.py} -> {@code src.app}; a package's {@code __init__.py} -> the package. */
    static String module(String dir, String path) {
        String rel = relative(dir, path).replaceFirst("\\.py$", "").replaceFirst("/__init__$", "");
        return rel.replace('/', '.');
    }

    static String relative(String dir, String path) {
        return dir.isEmpty() ? path : path.substring(dir.length() + 1);
    }
}
