package dev.dropdeploy.detect.other;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go modules: finds the main package (root or {@code cmd/<name>}), the web framework and the listen address. */
public final class GoAnalyzer implements Analyzer {

    private static final Pattern GO_VERSION = Pattern.compile("^go\\s+(\\d+\\.\\d+)", Pattern.MULTILINE);
    private static final Pattern MAIN =
            Pattern.compile("^package\\s+main\\b[\\s\\S]*func\\s+main\\s*\\(", Pattern.MULTILINE);
    private static final Pattern LISTEN =
            Pattern.compile("(?:ListenAndServe(?:TLS)?|\\.Run|\\.Start|\\.Listen)\\(\\s*\"([\\w.\\-]*):(\\d+)\"");
    // A package that starts serving itself, as opposed to one that only uses net/http (a client, a helper).
    private static final Pattern SERVES =
            Pattern.compile("\\bListenAndServe(?:TLS)?\\(|\\bhttp\\.Serve\\(|\\.Run\\(|\\.Start\\(|\\.Listen\\(");
    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+(\\S+)");
    private static final Map<String, String> FRAMEWORKS = Map.of(
            "github.com/gin-gonic/gin", "gin",
            "github.com/labstack/echo", "echo",
            "github.com/gofiber/fiber", "fiber",
            "github.com/go-chi/chi", "chi");

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        String goMod = SourceTree.join(dir, "go.mod");
        boolean hasModule = tree.exists(goMod);
        Map<String, String> mains = mainPackages(tree, dir);
        if (!hasModule && !mains.containsKey(dir)) {
            // Go files without go.mod are an app only where the folder itself is the main package.
            return List.of();
        }
        if (mains.isEmpty()) {
            return List.of(
                    new Proposal(Stack.GO, null, dir, Kind.LIBRARY, "go.mod without a main package (a library)"));
        }
        String pkgDir = pickMain(mains);
        String source = mains.get(pkgDir);
        String pkg = pkgDir.equals(dir) ? "." : "./" + pkgDir.substring(dir.isEmpty() ? 0 : dir.length() + 1);
        List<String> serverDirs = serverDirs(tree, dir, pkgDir, source);
        String framework = framework(serverDirs.stream()
                .map(d -> d.equals(pkgDir) ? source : sources(tree, d))
                .collect(java.util.stream.Collectors.joining("\n")));
        Proposal p = new Proposal(
                        Stack.GO,
                        framework,
                        dir,
                        framework == null ? Kind.SCRIPT : Kind.CODED_SERVER,
                        "Go module with main package " + pkg
                                + (framework == null ? "" : " serving HTTP (" + framework + ")"))
                .packageManager("go")
                .entrypoint(pkg)
                .commands(install(tree, dir, hasModule), "CGO_ENABLED=0 go build -o bin/app " + pkg, "./bin/app")
                .because("entrypoint", mainFile(tree, pkgDir), 0, "package main with func main()");
        if (!hasModule) {
            p.because(
                    "install",
                    mainFile(tree, pkgDir),
                    0,
                    "no go.mod (a folder cut from a larger module, or code written by hand): the build creates module "
                            + GoModulePath.of(tree, dir) + " and go mod tidy adds what the imports need");
        } else if (!tree.exists(SourceTree.join(dir, "go.sum"))) {
            p.because("install", goMod, 0, "no go.sum: go mod tidy records the modules the imports need");
        }
        Matcher v = GO_VERSION.matcher(tree.textOrEmpty(goMod));
        if (v.find()) {
            p.runtimeVersion(v.group(1))
                    .because(
                            "runtimeVersion",
                            goMod,
                            SourceTree.lineAt(tree.textOrEmpty(goMod), v.start()),
                            "go " + v.group(1));
        }
        if (framework == null) {
            return List.of(p.notWeb().because("webServer", null, 0, "no net/http or web framework import in " + pkg));
        }
        listen(tree, serverDirs, p);
        return List.of(p);
    }

    /**
     * Without go.sum, {@code go build} refuses every module ("missing go.sum entry"); {@code go mod tidy} is what a
     * person runs then, and it also adds requirements a hand-written go.mod left out.
     */
    private static String install(SourceTree tree, String dir, boolean hasModule) {
        if (!hasModule) {
            return "go mod init " + GoModulePath.of(tree, dir) + " && go mod tidy";
        }
        return tree.exists(SourceTree.join(dir, "go.sum")) ? "go mod download" : "go mod tidy";
    }

    private static Map<String, String> mainPackages(SourceTree tree, String dir) {
        Map<String, StringBuilder> byDir = new TreeMap<>();
        for (SourceFile f : tree.filesUnder(dir)) {
            if (f.extension().equals("go")
                    && !f.name().endsWith("_test.go")
                    && !f.path().contains("vendor/")) {
                String text = tree.textOrEmpty(f.path());
                if (MAIN.matcher(text).find() || byDir.containsKey(f.directory()) && text.contains("package main")) {
                    byDir.computeIfAbsent(f.directory(), d -> new StringBuilder())
                            .append(text)
                            .append('\n');
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        byDir.forEach((d, s) -> out.put(d, s.toString()));
        return out;
    }

    /** The shallowest main package that serves HTTP; a server beats a one-off tool under cmd/. */
    private static String pickMain(Map<String, String> mains) {
        return mains.keySet().stream()
                .sorted(java.util.Comparator.comparing((String d) -> framework(mains.get(d)) == null)
                        .thenComparingInt(d -> d.split("/").length)
                        .thenComparing(d -> d))
                .findFirst()
                .orElseThrow();
    }

    private static String framework(String source) {
        for (Map.Entry<String, String> e : new TreeMap<>(FRAMEWORKS).entrySet()) {
            if (source.contains("\"" + e.getKey())) {
                return e.getValue();
            }
        }
        return source.contains("\"net/http\"") ? "net/http" : null;
    }

    private static String mainFile(SourceTree tree, String pkgDir) {
        return tree.filesIn(pkgDir).stream()
                .filter(f -> f.extension().equals("go")
                        && MAIN.matcher(tree.textOrEmpty(f.path())).find())
                .map(SourceFile::path)
                .findFirst()
                .orElse(pkgDir);
    }

    /**
     * The main package and the module's own packages it imports that start a server: a main that only calls {@code
     * routes.Run()} serves HTTP through the gin router its {@code routes} package sets up, and listens where that
     * package says. A package that merely uses net/http (a client) does not make a program a server, and an import
     * counts as the module's own only by its full path when go.mod names the module.
     */
    private static List<String> serverDirs(SourceTree tree, String dir, String pkgDir, String mainSource) {
        Matcher module = MODULE.matcher(tree.textOrEmpty(SourceTree.join(dir, "go.mod")));
        String prefix = module.find() ? "\"" + module.group(1) + "/" : "/";
        List<String> dirs = new java.util.ArrayList<>(List.of(pkgDir));
        tree.filesUnder(dir).stream()
                .filter(f -> f.extension().equals("go") && !f.path().contains("vendor/"))
                .map(SourceFile::directory)
                .distinct()
                .filter(d -> !d.equals(pkgDir) && !d.equals(dir))
                .filter(d -> mainSource.contains(prefix + (dir.isEmpty() ? d : d.substring(dir.length() + 1)) + "\""))
                .filter(d -> SERVES.matcher(sources(tree, d)).find())
                .sorted()
                .forEach(dirs::add);
        return dirs;
    }

    private static String sources(SourceTree tree, String pkgDir) {
        return tree.filesIn(pkgDir).stream()
                .filter(f -> f.extension().equals("go") && !f.name().endsWith("_test.go"))
                .map(f -> tree.textOrEmpty(f.path()))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static void listen(SourceTree tree, List<String> serverDirs, Proposal p) {
        for (SourceFile f :
                serverDirs.stream().flatMap(d -> tree.filesIn(d).stream()).toList()) {
            String text = tree.textOrEmpty(f.path());
            Matcher m = LISTEN.matcher(text);
            if (!m.find()) {
                continue;
            }
            int line = SourceTree.lineAt(text, m.start());
            if (m.group(1).equals("localhost") || m.group(1).equals("127.0.0.1")) {
                p.warn(
                        Codes.BOUND_TO_LOCALHOST,
                        f.path(),
                        line,
                        "The server listens on " + m.group(1)
                                + ", unreachable from outside its container; listen on \":\" + port (all interfaces).");
            }
            if (text.contains("Getenv(\"PORT\")")) {
                p.because("port", f.path(), line, "reads $PORT, which DropDeploy sets to " + Proposal.DEFAULT_PORT);
            } else {
                int port = Integer.parseInt(m.group(2));
                p.port(port).because("port", f.path(), line, "hard-coded :" + port);
                p.warn(
                        Codes.HARDCODED_PORT,
                        f.path(),
                        line,
                        "The port " + port
                                + " is hard-coded; DropDeploy routes to it, but reading os.Getenv(\"PORT\") is more portable.");
            }
            return;
        }
        p.because(
                "port",
                null,
                0,
                "$PORT (" + Proposal.DEFAULT_PORT + "); gin and most Go servers read it or default to 8080");
    }
}
