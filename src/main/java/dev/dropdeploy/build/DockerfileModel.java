package dev.dropdeploy.build;

import dev.dropdeploy.detect.Commands;
import dev.dropdeploy.detect.DetectionReport;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The values a template renders: base images, dependency step, commands, port, user. */
final class DockerfileModel {

    /** Fixed so volume ownership and runtime policies can name it; above the ranges distributions allocate. */
    static final int UID = 10001;

    static final String PHP_ROUTER = "/opt/dropdeploy/router.php";
    private static final Pattern BUILT_IN_SERVER = Pattern.compile("php -S \\S+( -t \\S+)?");
    private static final Pattern SHELL_OPERATORS = Pattern.compile("&&|\\|\\||[;|&<>`]|\\$\\(");

    private DockerfileModel() {}

    static Map<String, Object> of(Family family, DetectionReport report, Map<String, String> images, boolean ca) {
        Map<String, Object> model = new HashMap<>();
        model.put("images", images);
        model.put("ca", ca);
        model.put("uid", UID);
        model.put("port", report.port());
        model.put("staticDir", folder(report.staticOutputDir()));
        model.put("springBoot", "spring-boot".equals(report.framework()));
        model.put("build", command(report).build());
        model.put("start", null);
        model.put("package", null);
        model.put("mainClass", null);
        model.put("entrypoint", report.entrypoint());
        model.put("manifests", null);
        model.put("install", null);
        model.put("installBeforeSource", false);
        model.put("installAfterSource", false);
        switch (family) {
            case SPA -> spa(model, report);
            case NODE -> node(model, report);
            case PYTHON -> python(model, report);
            case PHP -> model.put("start", shell(phpStart(report)));
            case GO -> model.put("package", report.entrypoint() == null ? "." : report.entrypoint());
            case JAVA_MAVEN, JAVA_GRADLE -> model.put("mainClass", springBoot(report) ? null : report.entrypoint());
            case JAVA_PLAIN -> model.put("entrypoint", required(report.entrypoint(), "the main class"));
            case STATIC -> {}
        }
        return model;
    }

    private static void spa(Map<String, Object> model, DetectionReport report) {
        dependencies(
                model,
                DependencyStep.node(report.packageManager(), command(report).install()));
        String manager = report.packageManager() == null ? "npm" : report.packageManager();
        String build = command(report).build();
        model.put("build", build != null ? build : manager + " run build");
    }

    private static void node(Map<String, Object> model, DetectionReport report) {
        dependencies(
                model,
                DependencyStep.node(report.packageManager(), command(report).install()));
        String start = command(report).start();
        if (start == null) {
            start = report.entrypoint() != null ? "node " + report.entrypoint() : "npm start";
        }
        model.put("start", shell(start));
    }

    private static void python(Map<String, Object> model, DetectionReport report) {
        dependencies(
                model,
                DependencyStep.python(report.packageManager(), command(report).install()));
        String start = command(report).start();
        if (start == null && report.entrypoint() != null && report.entrypoint().endsWith(".py")) {
            start = "python " + report.entrypoint();
        }
        model.put("start", shell(required(start, "a start command")));
    }

    private static String phpStart(DetectionReport report) {
        String start = command(report).start();
        String docroot = report.staticOutputDir() != null ? report.staticOutputDir() : report.entrypoint();
        return withRouter(start != null ? start : "php -S 0.0.0.0:$PORT -t " + folder(docroot));
    }

    /** The built-in server without a router of the app's own gets ours, which keeps dotfiles from being served. */
    static String withRouter(String start) {
        return BUILT_IN_SERVER.matcher(start.strip()).matches() ? start.strip() + " " + PHP_ROUTER : start;
    }

    private static void dependencies(Map<String, Object> model, DependencyStep step) {
        if (step != null) {
            model.put("manifests", step.manifests());
            model.put("install", step.install());
            model.put("installBeforeSource", !step.needsSource());
            model.put("installAfterSource", step.needsSource());
        }
    }

    /**
     * Shell form so {@code $PORT} expands; a simple command is exec'd so the app is PID 1 and gets the stop signal.
     */
    static String shell(String command) {
        return SHELL_OPERATORS.matcher(command).find() ? command : "exec " + command;
    }

    private static boolean springBoot(DetectionReport report) {
        return "spring-boot".equals(report.framework());
    }

    private static Commands command(DetectionReport report) {
        return report.commands() == null ? new Commands(null, null, null) : report.commands();
    }

    private static String folder(String dir) {
        if (dir == null || dir.isBlank() || dir.equals("./")) {
            return ".";
        }
        return dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The detection report gives no " + what + "; the Dockerfile needs it");
        }
        return value;
    }
}
