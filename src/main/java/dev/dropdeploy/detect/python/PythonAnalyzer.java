package dev.dropdeploy.detect.python;

import static dev.dropdeploy.detect.system.NativePackages.Ecosystem.PYTHON;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import dev.dropdeploy.detect.system.NativePackages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python: a framework app found in code, else a plain script (web or not). */
public final class PythonAnalyzer implements Analyzer {

    private static final int MAX_SOURCES = 200;
    private static final List<String> SCRIPT_NAMES = List.of("main.py", "app.py", "server.py", "bot.py", "run.py");
    private static final Pattern HTTP_SERVER = Pattern.compile("\\b(?:http\\.server|socketserver|aiohttp|tornado)\\b");
    private static final Pattern FIXED_BIND =
            Pattern.compile("(?:HTTP|TCP)Server\\(\\s*\\(\\s*['\"]([^'\"]*)['\"]\\s*,\\s*(\\d+)");
    private static final Pattern MAIN_GUARD =
            Pattern.compile("^if\\s+__name__\\s*==\\s*['\"]__main__['\"]", Pattern.MULTILINE);

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        List<SourceFile> sources = tree.filesUnder(dir).stream()
                .filter(f -> f.extension().equals("py"))
                .filter(f -> !f.path().matches("(?:.*/)?(?:tests?|migrations)/.*|(?:.*/)?test_[^/]*"))
                .limit(MAX_SOURCES)
                .toList();
        PythonDeps deps = PythonDeps.read(tree, dir);
        boolean manifest = !deps.isEmpty()
                || tree.exists(SourceTree.join(dir, "requirements.txt"))
                || tree.exists(SourceTree.join(dir, "pyproject.toml"));
        if (sources.isEmpty()) {
            return manifest
                    ? List.of(
                            new Proposal(Stack.PYTHON, null, dir, Kind.LIBRARY, "Python manifest without any .py file"))
                    : List.of();
        }
        if (!manifest && sources.stream().noneMatch(f -> f.directory().equals(dir))) {
            return List.of();
        }
        Optional<PythonApp> app = PythonApp.find(tree, dir, sources);
        Proposal p = app.map(a -> framework(tree, dir, a)).orElseGet(() -> script(tree, dir, sources));
        Set<String> extras = new LinkedHashSet<>(Imports.undeclared(tree, dir, sources, deps, p));
        serverExtras(p, deps, extras);
        PythonInstall.describe(tree, dir, deps, extras, p);
        deps.all().forEach((name, d) -> NativePackages.require(p, PYTHON, name, d.spec(), d.file(), d.line()));
        extras.forEach(name -> NativePackages.require(p, PYTHON, name, null, null, 0));
        return List.of(p);
    }

    private static Proposal framework(SourceTree tree, String dir, PythonApp app) {
        String why = switch (app.framework()) {
            case "django" -> "Django project, WSGI application " + app.target();
            case "streamlit" -> "Streamlit app " + app.target();
            case "gradio", "dash" ->
                LaunchedApps.runsItself(app)
                        ? app.framework() + " app launched by " + app.target()
                        : app.framework() + " app whose server is " + app.target();
            default -> app.framework() + " app object " + app.target();
        };
        Proposal p = new Proposal(
                        Stack.PYTHON,
                        app.framework(),
                        dir,
                        app.framework().equals("streamlit") || LaunchedApps.runsItself(app)
                                ? Kind.FRAMEWORK_SERVER
                                : Kind.CODED_SERVER,
                        why)
                .entrypoint(app.target())
                .because("entrypoint", app.file(), app.line(), why);
        String start = LaunchedApps.runsItself(app)
                ? LaunchedApps.start(app)
                : switch (app.framework()) {
                    // FastHTML's app is a Starlette app; its serve() runs only when the file is __main__, not here.
                    case "fastapi", "starlette", "quart", "fasthtml" ->
                        "uvicorn " + app.target() + " --host 0.0.0.0 --port $PORT";
                    case "streamlit" ->
                        "streamlit run " + app.target()
                                + " --server.port $PORT --server.address 0.0.0.0 --server.headless true";
                    default ->
                        "gunicorn -b 0.0.0.0:$PORT "
                                + (app.target().contains("(") ? "'" + app.target() + "'" : app.target());
                };
        p.commands(null, null, start)
                .because("port", null, 0, "the start command binds 0.0.0.0:$PORT (" + Proposal.DEFAULT_PORT + ")");
        if (app.framework().equals("streamlit")) {
            p.healthPath("/_stcore/health");
        }
        if (LaunchedApps.runsItself(app)) {
            LaunchedApps.inspect(tree, app, p);
        } else {
            RunCalls.inspect(tree, app.file(), p);
        }
        if (app.framework().equals("django")) {
            djangoHosts(tree, app.file(), p);
        }
        return p;
    }

    private static Proposal script(SourceTree tree, String dir, List<SourceFile> sources) {
        SourceFile entry = sources.stream()
                .filter(f -> f.directory().equals(dir))
                .sorted(java.util.Comparator.comparingInt(
                                (SourceFile f) -> SCRIPT_NAMES.contains(f.name()) ? SCRIPT_NAMES.indexOf(f.name()) : 50)
                        .thenComparing(f ->
                                MAIN_GUARD.matcher(tree.textOrEmpty(f.path())).find() ? 0 : 1)
                        .thenComparing(SourceFile::path))
                .findFirst()
                .orElse(sources.getFirst());
        String rel = PythonApp.relative(dir, entry.path());
        String text = tree.textOrEmpty(entry.path());
        Proposal p = new Proposal(Stack.PYTHON, null, dir, Kind.SCRIPT, "Python script " + rel)
                .entrypoint(rel)
                .commands(null, null, "python " + rel)
                .because(
                        "entrypoint", entry.path(), 0, "the script to run (a conventional name or the __main__ guard)");
        if (!HTTP_SERVER.matcher(text).find()) {
            return p.notWeb().because("webServer", entry.path(), 0, "no web framework and no HTTP server in the code");
        }
        p.kind(Kind.SCRIPTED_SERVER, "Python script " + rel + " serving HTTP itself");
        Matcher web = FIXED_BIND.matcher(text);
        if (web.find() && !text.contains("PORT")) {
            int line = SourceTree.lineAt(text, web.start());
            p.port(Integer.parseInt(web.group(2)))
                    .because("port", entry.path(), line, "hard-coded port " + web.group(2));
            p.warn(
                    Codes.HARDCODED_PORT,
                    entry.path(),
                    line,
                    "Port " + web.group(2) + " is hard-coded; DropDeploy routes"
                            + " to it, but int(os.environ.get('PORT', " + web.group(2)
                            + ")) lets the platform choose.");
            if (web.group(1).equals("localhost") || web.group(1).equals("127.0.0.1")) {
                p.warn(
                        Codes.BOUND_TO_LOCALHOST,
                        entry.path(),
                        line,
                        "The server binds " + web.group(1) + "; use '' or '0.0.0.0'.");
            }
        }
        return p;
    }

    private static void serverExtras(Proposal p, PythonDeps deps, Set<String> extras) {
        String start = p.start() == null ? "" : p.start();
        for (String server : List.of("gunicorn", "uvicorn")) {
            if (start.startsWith(server + " ") && !deps.has(server)) {
                extras.add(server);
                p.because("install", null, 0, server + " is not declared; it is installed to serve the app");
            }
        }
    }

    private static void djangoHosts(SourceTree tree, String settings, Proposal p) {
        String text = tree.textOrEmpty(settings);
        int line = SourceTree.lineOf(text, Pattern.compile("^ALLOWED_HOSTS\\s*=\\s*\\[\\s*\\]", Pattern.MULTILINE));
        if (line > 0) {
            p.warn(
                    Codes.ALLOWED_HOSTS,
                    settings,
                    line,
                    "ALLOWED_HOSTS is empty, so Django refuses the app's public"
                            + " host name; set ALLOWED_HOSTS = ['*'] or the app's domain.");
        }
    }
}
