package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front-end builds whose output is served as files (Vite, CRA, Vue CLI, Angular, Next static export, the site
 * generators), and the server-rendering frameworks, which run their own server instead.
 */
final class Frontends {

    private static final Pattern DEV_SERVER = Pattern.compile(
            "^\\s*(vite(\\s+(dev|serve|preview))?|react-scripts start|ng serve|vue-cli-service serve|next dev"
                    + "|parcel(\\s+serve)?)(\\s+-.*)?$");
    private static final Pattern NEXT_EXPORT = Pattern.compile("output\\s*:\\s*['\"]export['\"]");
    private static final String[] CONFIG_EXTENSIONS = {"js", "mjs", "ts", "mts", "cjs"};
    private static final StaticBuild ANGULAR = new StaticBuild("angular", "@angular/core", "ng build", "npx ng build");
    private static final StaticBuild VUE_CLI =
            new StaticBuild("vue-cli", "@vue/cli-service", "vue-cli-service build", "npx vue-cli-service build");
    private static final StaticBuild CRA =
            new StaticBuild("cra", "react-scripts", "react-scripts build", "npx react-scripts build");
    private static final StaticBuild NEXT_STATIC =
            new StaticBuild("next-static", "next", "next (?:build|export)", "npx next build");

    private Frontends() {}

    static Optional<Proposal> classify(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        Optional<Proposal> found = next(tree, dir, pkg, pm)
                .or(() -> ServerFrameworks.classify(tree, dir, pkg, pm))
                .or(() -> SiteGenerators.classify(tree, dir, pkg, pm));
        if (found.isEmpty() && pkg.has("@angular/core") && tree.exists(SourceTree.join(dir, "angular.json"))) {
            found = Optional.of(spa(dir, pkg, pm, ANGULAR, AngularOutput.of(tree, dir)));
        }
        if (found.isEmpty() && pkg.has("@vue/cli-service")) {
            String out = configValue(tree, dir, "vue.config.js", "outputDir").orElse("dist");
            found = Optional.of(spa(dir, pkg, pm, VUE_CLI, out));
        }
        if (found.isEmpty() && pkg.has("react-scripts")) {
            found = Optional.of(spa(dir, pkg, pm, CRA, "build"));
        }
        if (found.isEmpty() && isVite(tree, dir, pkg)) {
            String out = viteOutDir(tree, dir);
            found = Optional.of(spa(
                    dir,
                    pkg,
                    pm,
                    new StaticBuild("vite-" + viteFlavor(pkg), "vite", "vite build", "npx vite build"),
                    out));
        }
        found.ifPresent(p -> devServerWarning(pkg, p));
        return found;
    }

    private static Optional<Proposal> next(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        if (!pkg.has("next")) {
            return Optional.empty();
        }
        for (String name : new String[] {"next.config.js", "next.config.mjs", "next.config.ts"}) {
            String path = SourceTree.join(dir, name);
            int line = SourceTree.lineOf(JsComments.blank(tree.textOrEmpty(path)), NEXT_EXPORT);
            if (line > 0) {
                String out = configValue(tree, dir, name, "distDir").orElse("out");
                return Optional.of(spa(dir, pkg, pm, NEXT_STATIC, out)
                        .because("framework", path, line, "output: 'export' writes a static site"));
            }
        }
        if (pkg.script("build").contains("next export")) {
            return Optional.of(spa(dir, pkg, pm, NEXT_STATIC, "out"));
        }
        String build = pkg.scripts().containsKey("build") ? pm.run("build") : "npx next build";
        return Optional.of(new Proposal(
                        Stack.NODE,
                        "nextjs",
                        dir,
                        Kind.FRAMEWORK_SERVER,
                        "Next.js server (no static export configured)")
                // next from the PATH the image sets (node_modules/.bin), also from a workspace member's folder,
                // where npx could look for it in the registry instead.
                .commands(null, build, "next start -H 0.0.0.0 -p $PORT")
                .because(
                        "framework",
                        pkg.path(),
                        pkg.lineOf("next"),
                        "dependency next; no output: 'export' in next.config")
                .because("port", null, 0, "next start -p $PORT (" + Proposal.DEFAULT_PORT + ")"));
    }

    /** A build served as files; the output folder is where the package's scripts put it, else {@code fallback}. */
    static Proposal spa(String dir, PackageJson pkg, PackageManager pm, StaticBuild tool, String fallback) {
        String build = pkg.scripts().containsKey("build") ? pm.run("build") : tool.defaultBuild();
        BuildScripts.Output out = BuildScripts.output(pkg, tool.commandPattern(), fallback);
        return new Proposal(
                        Stack.SPA,
                        tool.framework(),
                        dir,
                        Kind.STATIC_BUILD,
                        tool.framework() + " build, served as static files")
                .commands(null, build, null)
                .staticOutputDir(out.dir())
                .because("framework", pkg.path(), pkg.lineOf(tool.dependency()), "dependency " + tool.dependency())
                .because("buildCommand", pkg.path(), pkg.lineOf("build"), build)
                .because("staticOutputDir", out.line() > 0 ? pkg.path() : null, out.line(), out.why());
    }

    private static void devServerWarning(PackageJson pkg, Proposal p) {
        String start = pkg.script("start");
        if (p.stack() == Stack.SPA && DEV_SERVER.matcher(start).matches()) {
            p.warn(
                    Codes.DEV_SERVER,
                    pkg.path(),
                    pkg.lineOf("start"),
                    "The start script '" + start + "' is a development"
                            + " server; DropDeploy builds the app and serves the files statically instead.");
        }
    }

    static boolean isDevServer(String script) {
        return DEV_SERVER.matcher(script).matches();
    }

    private static boolean isVite(SourceTree tree, String dir, PackageJson pkg) {
        return pkg.has("vite")
                || pkg.script("build").contains("vite build")
                || tree.filesIn(dir).stream().anyMatch(f -> f.name().matches("vite\\.config\\.(js|mjs|ts|mts|cjs)"));
    }

    private static String viteFlavor(PackageJson pkg) {
        if (pkg.has("react") || pkg.has("preact")) {
            return "react";
        }
        if (pkg.has("vue")) {
            return "vue";
        }
        if (pkg.has("svelte")) {
            return "svelte";
        }
        return pkg.has("solid-js") ? "solid" : "vanilla";
    }

    private static String viteOutDir(SourceTree tree, String dir) {
        return firstConfigValue(tree, dir, "vite.config", "outDir").orElse("dist");
    }

    /** The text of every {@code <base>.js/.mjs/.ts/.mts/.cjs} there is, for patterns a config may hold. */
    static String configText(SourceTree tree, String dir, String base) {
        StringBuilder all = new StringBuilder();
        for (String ext : CONFIG_EXTENSIONS) {
            all.append(JsComments.blank(tree.textOrEmpty(SourceTree.join(dir, base + "." + ext))))
                    .append('\n');
        }
        return all.toString();
    }

    /** A key of {@code <base>.js/.mjs/.ts/.mts/.cjs}, the first of them that states it. */
    static Optional<String> firstConfigValue(SourceTree tree, String dir, String base, String key) {
        for (String ext : CONFIG_EXTENSIONS) {
            Optional<String> value = configValue(tree, dir, base + "." + ext, key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    static Optional<String> configValue(SourceTree tree, String dir, String file, String key) {
        Matcher m = Pattern.compile("\\b" + key + "\\s*:\\s*['\"]([^'\"]+)['\"]")
                .matcher(JsComments.blank(tree.textOrEmpty(SourceTree.join(dir, file))));
        return m.find() ? Optional.of(m.group(1).replaceFirst("^\\./", "")) : Optional.empty();
    }
}
