package dev.dropdeploy.build;

import dev.dropdeploy.detect.BuildNeeds;
import dev.dropdeploy.detect.Commands;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values a template renders: base images, dependency step, commands, port, user. */
final class DockerfileModel {

    /** Fixed so volume ownership and runtime policies can name it; above the ranges distributions allocate. */
    static final int UID = 10001;

    static final String PHP_ROUTER = "/opt/dropdeploy/router.php";
    private static final String TSX = "npx tsx ";
    private static final Pattern GO_MOD_INIT = Pattern.compile("go mod init ([\\w.\\-~/]+)");
    private static final Pattern BUILT_IN_SERVER = Pattern.compile("php -S \\S+( -t \\S+)?");
    private static final Pattern BUILT_ENTRY = Pattern.compile(
            "(?:^|\\s)(?:\\./)?((?:build|dist|\\.output|out)/(?:[\\w.-]+/)*([\\w-]+\\.[mc]?js))(?=\\s|$)");

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\D*(\\d+)");

    /**
     * Python.h for C extensions: the official image has it under its own prefix, Debian's python3 needs python3-dev.
     */
    static final String PYTHON_HEADERS = "$(python3 -c 'import os, sysconfig;"
            + " print(\"\" if os.path.exists(os.path.join(sysconfig.get_paths()[\"include\"], \"Python.h\"))"
            + " else \"python3-dev\")')";

    /** node-gyp uses the headers of the Node that runs it: /usr (Debian's nodejs) or /usr/local (official image). */
    static final String NODE_HEADERS =
            "export npm_config_nodedir=\"$(dirname \"$(dirname \"$(readlink -f \"$(command -v node)\")\")\")\"";

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
        model.put("packageManager", null);
        model.put("buildPackages", null);
        model.put("runtimePackages", null);
        model.put("djangoWsgi", null);
        model.put("pinsHelper", false);
        model.put("vendorMissing", null);
        model.put("runPage", null);
        model.put("venv", null);
        model.put("pythonTool", null);
        model.put("goTidy", false);
        model.put("goInit", null);
        model.put("tsx", false);
        model.put("outputCandidates", List.of());
        model.put("legacyOpenssl", null);
        model.put("yarnClassic", false);
        workspace(model, report);
        switch (family) {
            case SPA -> spa(model, report);
            case SITE ->
                model.put("buildPackages", joined(BuildNeeds.of(report.needs()).buildPackages()));
            case NODE -> node(model, report);
            case PYTHON -> python(model, report);
            case PHP -> {
                model.put("start", shell(phpStart(report)));
                model.put("vendorMissing", vendorMissing(report));
            }
            case GO -> {
                model.put("package", report.entrypoint() == null ? "." : report.entrypoint());
                String install = command(report).install();
                model.put("goTidy", install != null && install.contains("go mod tidy"));
                model.put("goInit", goModuleToCreate(install));
            }
            case JAVA_MAVEN, JAVA_GRADLE -> model.put("mainClass", springBoot(report) ? null : report.entrypoint());
            case JAVA_PLAIN -> model.put("entrypoint", required(report.entrypoint(), "the main class"));
            case STATIC -> {}
        }
        return model;
    }

    /** The module a Go build creates when the code came without go.mod ({@code go mod init <module>}). */
    private static String goModuleToCreate(String install) {
        Matcher m = GO_MOD_INIT.matcher(install == null ? "" : install);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A workspace member is built from the workspace root: every workspace package's manifest goes into the cached
     * install layer (the classic builder's COPY cannot keep folders from a glob), the output and the run are the
     * member's.
     */
    private static void workspace(Map<String, Object> model, DetectionReport report) {
        Workspace workspace = report.workspace();
        model.put("workspaceManifests", workspace == null ? List.of() : workspace.manifests());
        model.put("memberDir", workspace == null ? null : workspace.member());
        model.put(
                "binPath",
                workspace == null
                        ? "/app/node_modules/.bin"
                        : "/app/" + workspace.member() + "/node_modules/.bin:/app/node_modules/.bin");
        if (workspace != null) {
            model.put("staticDir", workspace.member() + "/" + folder(report.staticOutputDir()));
        }
    }

    private static void spa(Map<String, Object> model, DetectionReport report) {
        nodeDependencies(model, report);
        String member = report.workspace() == null ? "" : report.workspace().member() + "/";
        model.put(
                "outputCandidates",
                StaticOutputs.CANDIDATES.stream()
                        .map(dir -> member + dir)
                        .filter(dir -> !dir.equals(model.get("staticDir")))
                        .toList());
        String manager = report.packageManager() == null ? "npm" : report.packageManager();
        String build = command(report).build();
        model.put("build", build != null ? build : manager + " run build");
    }

    private static void node(Map<String, Object> model, DetectionReport report) {
        nodeDependencies(model, report);
        String start = command(report).start();
        if (start == null || (!report.webServer() && report.entrypoint() != null)) {
            // A run page starts the program for every run: node itself, without npm's banner lines around it.
            start = report.entrypoint() != null ? node(report.entrypoint()) : "npm start";
        }
        if (start.startsWith(TSX)) {
            // TypeScript without a build step: tsx from the npm registry at build time (npx would fetch it at start).
            start = start.substring("npx ".length());
            model.put("tsx", true);
        }
        model.put("start", shell(start));
        model.put("builtEntry", builtEntry(start));
    }

    /**
     * The server file a start command names inside what the build writes ({@code react-router-serve
     * ./build/server/index.js}): a host's build preset (Vercel's for React Router) may write it one folder deeper, and
     * the template then lets the one file of that name below stand in. Only plain path characters, as it goes into a
     * RUN line.
     */
    static Map<String, String> builtEntry(String start) {
        Matcher m = BUILT_ENTRY.matcher(start);
        if (!m.find()) {
            return null;
        }
        String path = m.group(1);
        if (path.contains("..")) {
            return null;
        }
        return Map.of("path", path, "folder", path.substring(0, path.lastIndexOf('/')), "name", m.group(2));
    }

    private static String node(String entrypoint) {
        return (entrypoint.matches(".*\\.[mc]?ts") ? TSX : "node ") + entrypoint;
    }

    /**
     * The package manager from the npm registry when the app asks for one; for native addons the compilers, and
     * node-gyp pointed at the image's own Node headers (it would download them from nodejs.org, unreachable here).
     */
    private static void nodeDependencies(Map<String, Object> model, DetectionReport report) {
        model.put("legacyOpenssl", legacyOpenssl(report.runtimeVersion()));
        BuildNeeds needs = BuildNeeds.of(report.needs());
        model.put("yarnClassic", yarnClassic(report, needs));
        dependencies(
                model,
                DependencyStep.node(report.packageManager(), command(report).install()));
        String manager = report.packageManager() == null ? "npm" : report.packageManager();
        model.put(
                "packageManager",
                needs.packageManager() != null || manager.equals("npm") ? needs.packageManager() : manager);
        model.put("runtimePackages", joined(needs.runtimePackages()));
        if (!needs.buildPackages().isEmpty()) {
            model.put("buildPackages", joined(needs.buildPackages()));
            model.put("install", NODE_HEADERS + " && " + model.get("install"));
        }
    }

    /** Yarn 1: yarn without berry's npm package ({@code @yarnpkg/cli-dist}) or berry's install settings. */
    private static boolean yarnClassic(DetectionReport report, BuildNeeds needs) {
        String install = command(report).install();
        return "yarn".equals(report.packageManager())
                && (needs.packageManager() == null || !needs.packageManager().startsWith("@yarnpkg/"))
                && (install == null || !install.contains("YARN_ENABLE_GLOBAL_CACHE"));
    }

    /**
     * The Node major a project asks for, when it is older than 17: its build tools may hash with MD4, which newer Node
     * keeps behind OpenSSL's legacy provider (templates/partials/node-build-env); else {@code null}.
     */
    static String legacyOpenssl(String runtimeVersion) {
        Matcher m = LEADING_NUMBER.matcher(runtimeVersion == null ? "" : runtimeVersion);
        return m.find() && m.group(1).length() <= NodeRuntimes.MAX_DIGITS && Integer.parseInt(m.group(1)) < 17
                ? m.group(1)
                : null;
    }

    /** One image for building and running: compilers, headers and shared libraries in one apt layer. */
    private static void pythonSystemPackages(Map<String, Object> model, DetectionReport report) {
        BuildNeeds needs = BuildNeeds.of(report.needs());
        if (needs.buildPackages().isEmpty() && needs.runtimePackages().isEmpty()) {
            return;
        }
        List<String> packages = new ArrayList<>(needs.buildPackages());
        needs.runtimePackages().stream().filter(p -> !packages.contains(p)).forEach(packages::add);
        String headers = needs.buildPackages().isEmpty() ? "" : " " + PYTHON_HEADERS;
        model.put("buildPackages", joined(packages) + headers);
    }

    private static String joined(List<String> packages) {
        return packages.isEmpty() ? null : String.join(" ", packages);
    }

    private static void python(Map<String, Object> model, DetectionReport report) {
        pythonSystemPackages(model, report);
        model.put("venv", DependencyStep.pythonEnvironment(report.packageManager()));
        model.put("pythonTool", DependencyStep.pythonTool(report.packageManager()));
        dependencies(
                model,
                DependencyStep.python(report.packageManager(), command(report).install()));
        String start = command(report).start();
        if (start == null && report.entrypoint() != null && report.entrypoint().endsWith(".py")) {
            start = "python " + report.entrypoint();
        }
        String wsgi = djangoWsgi(report, start);
        if (wsgi != null) {
            model.put("djangoWsgi", wsgi);
            start = start.replaceFirst(wsgiTarget(wsgi), "--pythonpath /opt/dropdeploy dropdeploy_wsgi:application");
        }
        model.put("start", shell(required(start, "a start command")));
    }

    /** Whether the Python install runs through templates/python/dropdeploy_pins.py (see DependencyStep). */
    static boolean relaxesPins(DetectionReport report) {
        DependencyStep step =
                DependencyStep.python(report.packageManager(), command(report).install());
        return step != null && step.relaxesPins();
    }

    /**
     * The WSGI module of a Django app that gunicorn serves, or {@code null}: such an app is served through {@code
     * templates/python/dropdeploy_wsgi.py}, which adds the app's host names to ALLOWED_HOSTS at run time.
     */
    static String djangoWsgi(DetectionReport report, String start) {
        String module = report.entrypoint();
        if (!"django".equals(report.framework()) || module == null || start == null) {
            return null;
        }
        module = module.replaceFirst(":application$", "");
        boolean gunicorn = start.strip().startsWith("gunicorn ");
        return gunicorn && Pattern.compile(wsgiTarget(module)).matcher(start).find() ? module : null;
    }

    private static String wsgiTarget(String module) {
        return "(?<![\\w.])" + Pattern.quote(module) + "(?::application)?(?![\\w.])";
    }

    /**
     * Why a PHP app cannot be built here (its Composer packages are neither uploaded nor downloadable), or null. The
     * build stops at once with it, so the deployment fails with the reason instead of a page that answers 500.
     */
    private static String vendorMissing(DetectionReport report) {
        return report.warnings() == null
                ? null
                : report.warnings().stream()
                        .filter(w -> DetectionWarning.COMPOSER_VENDOR_MISSING.equals(w.code()))
                        .map(w -> w.message().replace("'", "’"))
                        .findFirst()
                        .orElse(null);
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
            model.put("install", step.command());
            model.put("pinsHelper", step.relaxesPins());
            model.put("installBeforeSource", !step.needsSource());
            model.put("installAfterSource", step.needsSource());
        }
    }

    /**
     * Shell form so {@code $PORT} expands; a simple command is exec'd so the app is PID 1 and gets the stop signal.
     */
    static String shell(String command) {
        return ShellCommands.compound(command) ? command : "exec " + command;
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
