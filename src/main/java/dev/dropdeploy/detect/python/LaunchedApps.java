package dev.dropdeploy.detect.python;

import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python UI frameworks whose own launch call serves the app (Gradio's {@code demo.launch()}, Dash's {@code
 * app.run()}), the way AI answers write them. They are not WSGI objects a server can load, so the script is run as it
 * is and pointed at {@code 0.0.0.0:$PORT} through the environment variables each framework reads when the call names
 * no host or port. A Dash app that exposes its Flask server ({@code server = app.server}) is served by gunicorn like
 * any Flask app instead.
 */
final class LaunchedApps {

    private static final Pattern GRADIO =
            Pattern.compile("^\\s*(?:import gradio\\b|from gradio\\b)", Pattern.MULTILINE);
    private static final Pattern DASH_APP = Pattern.compile("^(\\w+)\\s*=\\s*(?:dash\\.)?Dash\\(", Pattern.MULTILINE);
    private static final Pattern LAUNCH = Pattern.compile("\\.launch\\(([^)]*)\\)");
    private static final Pattern SERVER_PORT = Pattern.compile("\\bserver_port\\s*=\\s*(\\d+)");
    private static final Pattern SERVER_NAME = Pattern.compile("\\bserver_name\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern RUN_PORT = Pattern.compile("\\.run(?:_server)?\\([^)]*\\bport\\s*=\\s*(\\d+)");

    private LaunchedApps() {}

    static Optional<PythonApp> find(SourceTree tree, String dir, List<SourceFile> files) {
        for (SourceFile f : files) {
            String text = tree.textOrEmpty(f.path());
            Matcher gradio = GRADIO.matcher(text);
            if (gradio.find() && LAUNCH.matcher(text).find()) {
                return Optional.of(new PythonApp(
                        "gradio",
                        f.path(),
                        SourceTree.lineAt(text, gradio.start()),
                        PythonApp.relative(dir, f.path())));
            }
            Matcher dash = DASH_APP.matcher(text);
            if (dash.find()) {
                Matcher server = Pattern.compile("^(\\w+)\\s*=\\s*" + dash.group(1) + "\\.server\\b", Pattern.MULTILINE)
                        .matcher(text);
                String target = server.find()
                        ? PythonApp.module(dir, f.path()) + ":" + server.group(1)
                        : PythonApp.relative(dir, f.path());
                return Optional.of(new PythonApp("dash", f.path(), SourceTree.lineAt(text, dash.start()), target));
            }
        }
        return Optional.empty();
    }

    /** Whether the app runs as a script (its own launch call serves it), not through a WSGI/ASGI server. */
    static boolean runsItself(PythonApp app) {
        return (app.framework().equals("gradio") || app.framework().equals("dash"))
                && app.target().endsWith(".py");
    }

    /** The start command, with the environment the framework reads for its address. */
    static String start(PythonApp app) {
        return switch (app.framework()) {
            case "gradio" ->
                "env GRADIO_SERVER_NAME=0.0.0.0 GRADIO_SERVER_PORT=$PORT GRADIO_ANALYTICS_ENABLED=False python "
                        + app.target();
            case "dash" -> "env HOST=0.0.0.0 python " + app.target();
            default -> throw new IllegalArgumentException(app.framework() + " is not launched by its own script");
        };
    }

    /** A port or host written into the launch call wins over the environment: follow the port, warn about the host. */
    static void inspect(SourceTree tree, PythonApp app, Proposal p) {
        String text = tree.textOrEmpty(app.file());
        Matcher launch = LAUNCH.matcher(text);
        String arguments = launch.find() ? launch.group(1) : "";
        Matcher port = app.framework().equals("gradio") ? SERVER_PORT.matcher(arguments) : RUN_PORT.matcher(text);
        if (port.find()) {
            int line = SourceTree.lineAt(text, app.framework().equals("gradio") ? launch.start() : port.start());
            p.port(Integer.parseInt(port.group(1)))
                    .because("port", app.file(), line, "the launch call names port " + port.group(1));
            p.warn(
                    Codes.HARDCODED_PORT,
                    app.file(),
                    line,
                    "Port " + port.group(1) + " is hard-coded in the launch call; DropDeploy routes to it, but leaving"
                            + " the port out lets the platform choose.");
        }
        Matcher host = SERVER_NAME.matcher(arguments);
        if (host.find() && (host.group(1).equals("127.0.0.1") || host.group(1).equals("localhost"))) {
            p.warn(
                    Codes.BOUND_TO_LOCALHOST,
                    app.file(),
                    SourceTree.lineAt(text, launch.start()),
                    "launch(server_name=\"" + host.group(1) + "\") is unreachable from outside a container; leave"
                            + " server_name out (DropDeploy sets GRADIO_SERVER_NAME=0.0.0.0) or use \"0.0.0.0\".");
        }
    }
}
