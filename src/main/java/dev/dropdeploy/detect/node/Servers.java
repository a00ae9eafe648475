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
import java.util.stream.Stream;

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
            "index.ts",
            "app.ts",
            "main.ts",
            "src/server.ts",
            "src/index.ts",
            "src/app.ts",
            "src/main.ts");
    /**
     * Where TypeScript compilers write (tsc's outDir by convention): dist/index.js was compiled from index.ts, and
     * {@code node dist/main} (NestJS's start:prod) names dist/main.js.
     */
    private static final Pattern COMPILED = Pattern.compile("^(?:dist|build|out|lib)/(.+?)(?:\\.(?:js|mjs|cjs))?$");

    private static final List<String> SOURCE_ROOTS = List.of("", "src/");
    /** Imported by a file that serves HTTP; NestJS's entry creates its server with NestFactory from @nestjs/core. */
    private static final List<String> FRAMEWORKS =
            List.of("express", "fastify", "hono", "koa", "h3", "elysia", "@nestjs/core");
    /** A module written for a serverless host exports its app and never listens; DropDeploy's launcher serves it. */
    private static final Pattern EXPORTS =
            Pattern.compile("export\\s+default\\b|module\\.exports\\s*=|export\\s+(?:const|let)\\s+app\\b");

    private static final Pattern LISTENS = Pattern.compile("\\.listen\\(|\\b(?:Bun|Deno)\\.serve\\(|\\bserve\\(");
    private static final String EXPORTED_APP_LAUNCHER = ".dropdeploy/serve-exported.mjs";
    // Bun and Deno serve HTTP with a built-in call, no framework or http module.
    private static final Pattern PLAIN_HTTP =
            Pattern.compile("\\b(?:http|https)\\.createServer\\(|createServer\\(|\\b(?:Bun|Deno)\\.serve\\(");
    private static final Pattern ENV_PORT = Pattern.compile("process\\.env\\.PORT|process\\.env\\[['\"]PORT['\"]\\]");
    private static final Pattern FIXED_PORT =
            Pattern.compile("(?:\\.listen\\(\\s*|\\bport\\s*[:=]\\s*|\\bPORT\\s*=\\s*)(\\d{2,5})\\b");
    private static final Pattern LOCALHOST =
            Pattern.compile("(?:\\.listen\\([^)]*|\\bhost(?:name)?\\s*:\\s*)['\"](localhost|127\\.0\\.0\\.1)['\"]");

    private Servers() {}

    static Optional<Proposal> classify(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        String start = pkg.script(startScript(pkg));
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
                .commands(
                        null,
                        build,
                        exportsItsApp(framework, source, start, relative)
                                ? launcher(relative)
                                : startCommand(relative, start, pm.run(startScript(pkg))))
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
        if (exportsItsApp(framework, source, start, relative)) {
            servedByLauncher(path, source, p);
            return Optional.of(p);
        }
        port(path, source, framework, p);
        return Optional.of(p);
    }

    /** The module exports its app (as Vercel and other serverless hosts expect) and never listens. */
    private static void servedByLauncher(String path, String source, Proposal p) {
        p.because(
                        "startCommand",
                        path,
                        SourceTree.lineOf(source, EXPORTS),
                        "exports its app and never listens (written for a serverless host): DropDeploy serves the"
                                + " exported app on $PORT")
                .because("port", null, 0, "the launcher listens on $PORT (" + Proposal.DEFAULT_PORT + ")");
    }

    /** ... and the app's own start script does not run it: then the script knows how it is served, and wins. */
    private static boolean exportsItsApp(String framework, String source, String start, String relative) {
        return framework != null
                && !LISTENS.matcher(source).find()
                && EXPORTS.matcher(source).find()
                && (start == null || !start.contains(relative));
    }

    private static String launcher(String relative) {
        return (relative.matches(".*\\.[mc]?ts") ? "npx tsx " : "node ") + EXPORTED_APP_LAUNCHER + " " + relative;
    }

    private static Optional<String> entry(SourceTree tree, String dir, PackageJson pkg, String start) {
        Matcher m = NODE_SCRIPT.matcher(start);
        if (m.find()) {
            String script = m.group(1).replaceFirst("^\\./", "");
            if (tree.exists(SourceTree.join(dir, script))) {
                return Optional.of(SourceTree.join(dir, script));
            }
            Optional<String> source = compiledFrom(tree, dir, script);
            if (source.isPresent()) {
                return source;
            }
        }
        if (pkg.main() != null && tree.exists(SourceTree.join(dir, pkg.main().replaceFirst("^\\./", "")))) {
            return Optional.of(SourceTree.join(dir, pkg.main().replaceFirst("^\\./", "")));
        }
        return ENTRY_GUESSES.stream()
                .map(g -> SourceTree.join(dir, g))
                .filter(tree::exists)
                .findFirst();
    }

    /** The TypeScript source of a start script that runs the compiler's output, which exists only after the build. */
    private static Optional<String> compiledFrom(SourceTree tree, String dir, String script) {
        Matcher compiled = COMPILED.matcher(script);
        if (!compiled.matches()) {
            return Optional.empty();
        }
        return SOURCE_ROOTS.stream()
                .flatMap(root -> Stream.of(".ts", ".mts", ".tsx").map(ext -> root + compiled.group(1) + ext))
                .map(candidate -> SourceTree.join(dir, candidate))
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
                        start.isBlank() ? null : pm.run(startScript(pkg)))
                .because(
                        "startCommand",
                        pkg.path(),
                        pkg.lineOf(startScript(pkg)),
                        startScript(pkg) + " script: " + pkg.script(startScript(pkg))));
    }

    /**
     * The script that runs the built app: {@code start:prod} when there is one next to a build (NestJS and others keep
     * {@code start} for a command that compiles on every start), else {@code start}.
     */
    private static String startScript(PackageJson pkg) {
        return pkg.scripts().containsKey("build") && !pkg.script("start:prod").isBlank() ? "start:prod" : "start";
    }

    /** A file that creates the server around an app defined elsewhere (express-generator's bin/www). */
    private static String listeningFramework(PackageJson pkg) {
        return FRAMEWORKS.stream().filter(pkg::has).findFirst().orElse("node-http");
    }

    /** Plain node for JavaScript; TypeScript runs through the project's own start script, else tsx. */
    private static String startCommand(String relative, String start, String runStart) {
        if (!relative.endsWith(".ts")) {
            return "node " + relative;
        }
        return start.isBlank() || Frontends.isDevServer(start) ? "npx tsx " + relative : runStart;
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
                    "The server listens on " + local.group(1) + ", unreachable from outside its container;"
                            + " DropDeploy starts it on 0.0.0.0 instead (as a Flask app gets --host 0.0.0.0)."
                            + " Listen on '0.0.0.0' to run it the same way elsewhere.");
        } else if (framework.equals("fastify") && !source.contains("0.0.0.0") && !source.contains("'::'")) {
            p.warn(
                    Codes.BOUND_TO_LOCALHOST,
                    path,
                    SourceTree.lineOf(source, Pattern.compile("\\.listen\\(")),
                    "Fastify listens on localhost by default; DropDeploy starts it on 0.0.0.0 instead (as a"
                            + " Flask app gets --host 0.0.0.0). Pass host: '0.0.0.0' to listen() to run it the same"
                            + " way elsewhere.");
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
