package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import dev.dropdeploy.detect.system.NativePackages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A package.json folder: proposes the front-end build and the server, each scored; the resolver picks. */
public final class NodeAnalyzer implements Analyzer {

    /** A version, a range or an alias (lts/iron), short and in the characters such things use. */
    private static final Pattern VERSION_ASK = Pattern.compile("[\\w.*<>=^~|/ -]{1,60}");

    private static final int MAX_SOURCES = 60;

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        Optional<PackageJson> read;
        try {
            read = PackageJson.read(tree, dir);
        } catch (IllegalArgumentException e) {
            return List.of(new Proposal(Stack.NODE, null, dir, Kind.INVALID_MANIFEST, e.getMessage())
                    .warn(Codes.INVALID_MANIFEST, SourceTree.join(dir, "package.json"), 0, e.getMessage()));
        }
        if (read.isEmpty()) {
            return List.of();
        }
        PackageJson pkg = read.get();
        Optional<Workspaces.Membership> workspace = Workspaces.of(tree, dir);
        // A member's lockfile and package manager are the workspace root's.
        PackageManager pm = workspace
                .map(w -> PackageManager.of(tree, w.rootDir(), w.root()))
                .orElseGet(() -> PackageManager.of(tree, dir, pkg));
        List<Proposal> out = new ArrayList<>();
        Frontends.classify(tree, dir, pkg, pm).ifPresent(out::add);
        // Beside a framework server, only a server of the app's own code is an alternative (Remix on Express);
        // the framework's start script guessed as a plain script is not.
        boolean frameworkServer = out.stream().anyMatch(p -> p.stack() == Stack.NODE);
        Servers.classify(tree, dir, pkg, pm)
                .filter(p -> !frameworkServer || p.kind() == Kind.CODED_SERVER)
                .ifPresent(out::add);
        if (out.isEmpty()) {
            out.add(new Proposal(
                            Stack.NODE,
                            null,
                            dir,
                            Kind.BUILD_HELPER,
                            "package.json with neither a server nor a front-end"
                                    + " framework: a build helper (scripts: "
                                    + String.join(", ", pkg.scripts().keySet()) + ")")
                    .notWeb());
        }
        // Read once for all proposals: a lockfile runs to megabytes.
        Optional<NodeLimits.Found> limit = Optional.ofNullable(pm.lockfile())
                .flatMap(lockfile -> tree.largeText(lockfile, NodeLimits.MAX_LOCKFILE_BYTES))
                .flatMap(NodeLimits::in);
        for (Proposal p : out) {
            common(tree, dir, pkg, pm, limit, p);
            undeclaredImports(tree, dir, name -> declared(pkg, workspace, name), p);
            workspace.ifPresent(w -> Workspaces.apply(w, pkg, pm, p));
        }
        return out;
    }

    private static void common(
            SourceTree tree,
            String dir,
            PackageJson pkg,
            PackageManager pm,
            Optional<NodeLimits.Found> limit,
            Proposal p) {
        p.commands(pm.install(), buildOf(p), p.start());
        pm.describe(p);
        nativePackages(pkg, p);
        runtimeVersion(tree, dir, pkg, pm, limit, p);
    }

    /** A member may import what the workspace root declares, and the workspace's own packages. */
    private static boolean declared(PackageJson pkg, Optional<Workspaces.Membership> workspace, String name) {
        return pkg.declares(name)
                || workspace
                        .map(w -> w.root().declares(name) || w.packages().containsKey(name))
                        .orElse(false);
    }

    /** The proposal's own build command, kept: commands() replaces all three. */
    private static String buildOf(Proposal p) {
        return p.buildCommand();
    }

    /** Dev dependencies count too: they are installed (and compiled) in the build stage. */
    private static void nativePackages(PackageJson pkg, Proposal p) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(pkg.devDependencies());
        all.putAll(pkg.dependencies());
        all.forEach((name, version) ->
                NativePackages.require(p, NativePackages.Ecosystem.NODE, name, version, pkg.path(), pkg.lineOf(name)));
    }

    /**
     * What the project asks for, as written (a version or a range), narrowed to the Node its locked packages still run
     * on ({@link NodeLimits}): build/NodeRuntimes picks the Node that fits it.
     */
    private static void runtimeVersion(
            SourceTree tree,
            String dir,
            PackageJson pkg,
            PackageManager pm,
            Optional<NodeLimits.Found> limit,
            Proposal p) {
        String asked = asked(tree, dir, pkg, p);
        if (limit.isEmpty()) {
            p.runtimeVersion(asked);
            return;
        }
        int lastMajor = limit.get().limit().lastMajor();
        String below = "<" + (lastMajor + 1);
        Matcher open = asked == null ? null : OPEN_ABOVE.matcher(asked);
        if (asked == null || NEWEST.matcher(asked).matches()) {
            p.runtimeVersion(below);
        } else if (open.matches() && Integer.parseInt(open.group(1)) <= lastMajor) {
            p.runtimeVersion(asked + " " + below);
        } else {
            // What the person bounded themselves stays theirs; the build may then fail for the reason given here.
            p.runtimeVersion(asked)
                    .warn(
                            Codes.NODE_LIMIT,
                            pm.lockfile(),
                            limit.get().line(),
                            "Node " + asked + " is asked for, but "
                                    + limit.get().reason());
            return;
        }
        p.because(
                "runtimeVersion", pm.lockfile(), limit.get().line(), limit.get().reason());
    }

    /** A lower bound alone ({@code >=18.0.0}, engines' usual way): a further {@code <N} narrows it. */
    private static final Pattern OPEN_ABOVE = Pattern.compile(">=?\\s*v?(\\d{1,4})[^<|]*");

    /** Words for "whatever is newest" ({@code lts/*}, {@code node}, {@code latest}): as open as no ask at all. */
    private static final Pattern NEWEST = Pattern.compile("(lts/)?(\\*|x|node|latest|current|stable|lts)");

    /** What {@code .nvmrc}, {@code .node-version} or {@code engines.node} ask for; {@code null} when nothing. */
    private static String asked(SourceTree tree, String dir, PackageJson pkg, Proposal p) {
        for (String file : new String[] {".nvmrc", ".node-version"}) {
            String path = SourceTree.join(dir, file);
            String asked = tree.textOrEmpty(path)
                    .lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .findFirst()
                    .orElse("");
            if (VERSION_ASK.matcher(asked).matches()) {
                p.because("runtimeVersion", path, 1, "Node " + asked);
                return asked;
            }
        }
        if (pkg.enginesNode() != null
                && VERSION_ASK.matcher(pkg.enginesNode().strip()).matches()) {
            p.because("runtimeVersion", pkg.path(), pkg.lineOf("node"), "engines.node " + pkg.enginesNode());
            return pkg.enginesNode().strip();
        }
        return null;
    }

    private static void undeclaredImports(
            SourceTree tree, String dir, java.util.function.Predicate<String> declared, Proposal p) {
        List<SourceFile> sources = tree.filesUnder(dir).stream()
                .filter(f -> f.extension().matches("m?js|cjs|jsx|ts|tsx|vue|svelte"))
                .filter(f -> !f.name().matches(".*\\.config\\.\\w+|.*\\.(test|spec)\\.\\w+"))
                .limit(MAX_SOURCES)
                .toList();
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (SourceFile f : sources) {
            String text = tree.textOrEmpty(f.path());
            for (String name : NodeImports.packages(text)) {
                if (!declared.test(name) && !name.startsWith("virtual") && reported.add(name)) {
                    p.warn(
                            Codes.UNDECLARED_IMPORT,
                            f.path(),
                            SourceTree.lineOf(text, Pattern.compile("['\"]" + Pattern.quote(name) + "[/'\"]")),
                            "'" + name + "' is imported but not in package.json; add it to dependencies.");
                }
            }
        }
    }
}
