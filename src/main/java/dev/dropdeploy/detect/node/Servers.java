package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Node process: finds the entry script, its server framework, port and bind address. */
final class Servers {

    private static final Pattern NODE_SCRIPT =
            Pattern.compile("(?:^|&&\\s*|\\s)(?:node|nodemon|tsx|ts-node|bun)\\s+(?:--\\S+\\s+)*([\\w./-]+)");
    private static final List<String> ENTRY_GUESSES = List.of(
            "server.js",
            "index.js",
            "app.js",
            "main.js",
            "server.mjs",
            "index.mjs",
            "app.mjs",
            "src/server.js",
            "src/index.js",
            "src/app.js",
            "src/main.js",
            "server.ts",
            "src/server.ts",
            "src/index.ts");
    private static final List<String> FRAMEWORKS = List.of("express", "fastify", "hono", "koa");
    private static final Pattern PLAIN_HTTP = Pattern.compile("\\b(?:http|https)\\.createServer\\(|createServer\\(");
    private static final Pattern ENV_PORT = Pattern.compile("process\\.env\\.PORT|process\\.env\\[['\"]PORT['\"]\\]");
    private static final Pattern FIXED_PORT =
            Pattern.compile("(?:\\.listen\\(\\s*|\\bport\\s*[:=]\\s*|\\bPORT\\s*=\\s*)(\\d{2,5})\\b");
    private static final Pattern LOCALHOST =
            Pattern.compile("(?:\\.listen\\([^)]*|\\bhost(?:name)?\\s*:\\s*)['\"](localhost|127\\.0\\.0\\.1)['\"]");

    private Servers() {}

    static Optional<Proposal> classify(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        String start = pkg.script("start");
        Optional<String> entry = entry(tree, dir, pkg, start);
        if (entry.isEmpty()) {
            return serverDependencyOnly(dir, pkg, pm, start);
        }
        String path = entry.get();
        String source = tree.textOrEmpty(path);
        Set<String> imports = NodeImports.packages(source);
        String framework = FRAMEWORKS.stream()
                .filter(imports::contains)
                .findFirst()
                .orElseGet(() -> PLAIN_HTTP.matcher(source).find() ? listeningFramework(pkg) : null);
        String relative = dir.isEmpty() ? path : path.substring(dir.length() + 1);
        String build = pkg.scripts().containsKey("build") && !Frontends.isDevServer(pkg.script("build"))
                ? pm.run("build")
                : null;
        Proposal p = new Proposal(
                        Stack.NODE,
                        framework,
                        dir,
                        framework == null ? Kind.SCRIPT : Kind.CODED_SERVER,
                        framework == null
                                ? "Node script " + relative + " (no HTTP server in it)"
                                : "Node server " + relative + " using " + framework)
                .entrypoint(relative)
                .commands(null, build, startCommand(relative, start, pm))
                .because("entrypoint", path, 0, startEvidence(pkg, start, relative));
        if (framework == null) {
            return Optional.of(p.notWeb().because("webServer", path, 0, "no server framework or http.createServer"));
        }
        p.because(
                "framework",
                path,
                SourceTree.lineOf(
                        source,
                        Pattern.compile(Pattern.quote(source.contains(framework) ? framework : "createServer"))),
                imports.contains(framework)
                        ? "imports " + framework
                        : "creates the HTTP server"
                                + (framework.equals("node-http") ? "" : " for the " + framework + " dependency"));
        port(path, source, framework, p);
        return Optional.of(p);
    }

    private static Optional<String> entry(SourceTree tree, String dir, PackageJson pkg, String start) {
        Matcher m = NODE_SCRIPT.matcher(start);
        if (m.find() && tree.exists(SourceTree.join(dir, m.group(1).replaceFirst("^\\./", "")))) {
            return Optional.of(SourceTree.join(dir, m.group(1).replaceFirst("^\\./", "")));
        }
        if (pkg.main() != null && tree.exists(SourceTree.join(dir, pkg.main().replaceFirst("^\\./", "")))) {
            return Optional.of(SourceTree.join(dir, pkg.main().replaceFirst("^\\./", "")));
        }
        return ENTRY_GUESSES.stream()
                .map(g -> SourceTree.join(dir, g))
                .filter(tree::exists)
                .findFirst();
    }

    private static Optional<Proposal> serverDependencyOnly(
            String dir, PackageJson pkg, PackageManager pm, String start) {
        Optional<String> framework = FRAMEWORKS.stream().filter(pkg::has).findFirst();
        if (framework.isEmpty() && (start.isBlank() || Frontends.isDevServer(start))) {
            return Optional.empty();
        }
        return Optional.of(new Proposal(
                        Stack.NODE,
                        framework.orElse(null),
                        dir,
                        framework.isPresent() ? Kind.SCRIPTED_SERVER : Kind.START_SCRIPT,
                        "package.json start script"
                                + framework.map(f -> " with dependency " + f).orElse(""))
                .commands(
                        null,
                        pkg.scripts().containsKey("build") ? pm.run("build") : null,
                        start.isBlank() ? null : pm.run("start"))
                .because("startCommand", pkg.path(), pkg.lineOf("start"), "start script: " + start));
    }

    /** A file that creates the server around an app defined elsewhere (express-generator's bin/www). */
    private static String listeningFramework(PackageJson pkg) {
        return FRAMEWORKS.stream().filter(pkg::has).findFirst().orElse("node-http");
    }

    /** Plain node for JavaScript; TypeScript runs through the project's own start script, else tsx. */
    private static String startCommand(String relative, String start, PackageManager pm) {
        if (!relative.endsWith(".ts")) {
            return "node " + relative;
        }
        return start.isBlank() || Frontends.isDevServer(start) ? "npx tsx " + relative : pm.run("start");
    }

    private static String startEvidence(PackageJson pkg, String start, String relative) {
        return start.contains(relative)
                ? "start script runs " + relative
                : "entry file " + relative + " (main or a conventional name)";
    }

    private static void port(String path, String source, String framework, Proposal p) {
        Matcher local = LOCALHOST.matcher(source);
        if (local.find()) {
            p.warn(
                    Codes.BOUND_TO_LOCALHOST,
                    path,
                    SourceTree.lineAt(source, local.start()),
                    "The server listens on " + local.group(1)
                            + ", unreachable from outside its container; listen on '0.0.0.0' instead.");
        } else if (framework.equals("fastify") && !source.contains("0.0.0.0") && !source.contains("'::'")) {
            p.warn(
                    Codes.BOUND_TO_LOCALHOST,
                    path,
                    SourceTree.lineOf(source, Pattern.compile("\\.listen\\(")),
                    "Fastify listens on localhost by default; pass host: '0.0.0.0' to listen().");
        }
        Matcher env = ENV_PORT.matcher(source);
        if (env.find()) {
            p.because(
                    "port",
                    path,
                    SourceTree.lineAt(source, env.start()),
                    "reads process.env.PORT, set to " + Proposal.DEFAULT_PORT);
            return;
        }
        Matcher fixed = FIXED_PORT.matcher(source);
        if (fixed.find()) {
            int port = Integer.parseInt(fixed.group(1));
            int line = SourceTree.lineAt(source, fixed.start());
            p.port(port).because("port", path, line, "hard-coded port " + port);
            p.warn(
                    Codes.HARDCODED_PORT,
                    path,
                    line,
                    "Port " + port + " is hard-coded; DropDeploy routes to it, but" + " 'process.env.PORT || " + port
                            + "' lets the platform choose.");
            return;
        }
        p.because("port", null, 0, "no port in the code; assuming $PORT (" + Proposal.DEFAULT_PORT + ")");
    }
}
