package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Front-end builds whose output is served as files, and Next.js (static export or SSR server). */
final class Frontends {

    private static final Pattern DEV_SERVER = Pattern.compile(
            "^\\s*(vite(\\s+(dev|serve|preview))?|react-scripts start|ng serve|vue-cli-service serve|next dev)(\\s+-.*)?$");
    private static final Pattern NEXT_EXPORT = Pattern.compile("output\\s*:\\s*['\"]export['\"]");

    private Frontends() {}

    static Optional<Proposal> classify(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        Optional<Proposal> found = next(tree, dir, pkg, pm);
        if (found.isEmpty() && pkg.has("@angular/core") && tree.exists(SourceTree.join(dir, "angular.json"))) {
            found = Optional.of(spa(dir, "angular", pkg, pm, "@angular/core", AngularOutput.of(tree, dir)));
        }
        if (found.isEmpty() && pkg.has("@vue/cli-service")) {
            String out = configValue(tree, dir, "vue.config.js", "outputDir").orElse("dist");
            found = Optional.of(spa(dir, "vue-cli", pkg, pm, "@vue/cli-service", out));
        }
        if (found.isEmpty() && pkg.has("react-scripts")) {
            found = Optional.of(spa(dir, "cra", pkg, pm, "react-scripts", "build"));
        }
        if (found.isEmpty() && isVite(tree, dir, pkg)) {
            String out = viteOutDir(tree, dir, pkg);
            found = Optional.of(spa(dir, "vite-" + viteFlavor(pkg), pkg, pm, "vite", out));
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
            int line = SourceTree.lineOf(tree.textOrEmpty(path), NEXT_EXPORT);
            if (line > 0) {
                String out = configValue(tree, dir, name, "distDir").orElse("out");
                return Optional.of(spa(dir, "next-static", pkg, pm, "next", out)
                        .because(
                                "staticOutputDir",
                                path,
                                line,
                                "output: 'export' writes a static site to " + out + "/"));
            }
        }
        if (pkg.script("build").contains("next export")) {
            return Optional.of(spa(dir, "next-static", pkg, pm, "next", "out")
                    .because(
                            "staticOutputDir",
                            pkg.path(),
                            pkg.lineOf("build"),
                            "'next export' writes a static site to out/"));
        }
        String build = pkg.scripts().containsKey("build") ? pm.run("build") : "npx next build";
        return Optional.of(new Proposal(
                        Stack.NODE,
                        "nextjs",
                        dir,
                        Kind.FRAMEWORK_SERVER,
                        "Next.js server (no static export configured)")
                .commands(null, build, "npx next start -H 0.0.0.0 -p $PORT")
                .because(
                        "framework",
                        pkg.path(),
                        pkg.lineOf("next"),
                        "dependency next; no output: 'export' in next.config")
                .because("port", null, 0, "next start -p $PORT (" + Proposal.DEFAULT_PORT + ")"));
    }

    private static Proposal spa(
            String dir, String framework, PackageJson pkg, PackageManager pm, String dep, String out) {
        String build = pkg.scripts().containsKey("build") ? pm.run("build") : defaultBuild(framework);
        return new Proposal(
                        Stack.SPA,
                        framework,
                        dir,
                        Kind.STATIC_BUILD,
                        framework + " front-end build, served as static files")
                .commands(null, build, null)
                .staticOutputDir(out)
                .because("framework", pkg.path(), pkg.lineOf(dep), "dependency " + dep)
                .because("buildCommand", pkg.path(), pkg.lineOf("build"), build)
                .because("staticOutputDir", null, 0, out + " (the build's output, served with SPA fallback)");
    }

    private static String defaultBuild(String framework) {
        return switch (framework) {
            case "angular" -> "npx ng build";
            case "vue-cli" -> "npx vue-cli-service build";
            case "cra" -> "npx react-scripts build";
            case "next-static" -> "npx next build";
            default -> "npx vite build";
        };
    }

    private static void devServerWarning(PackageJson pkg, Proposal p) {
        String start = pkg.script("start");
        if (DEV_SERVER.matcher(start).matches()) {
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
        if (pkg.has("@sveltejs/kit")) {
            return "sveltekit";
        }
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

    private static String viteOutDir(SourceTree tree, String dir, PackageJson pkg) {
        Matcher flag = Pattern.compile("--outDir[ =](\\S+)").matcher(pkg.script("build"));
        if (flag.find()) {
            return flag.group(1);
        }
        for (String name : new String[] {"vite.config.js", "vite.config.ts", "vite.config.mjs", "vite.config.mts"}) {
            Optional<String> out = configValue(tree, dir, name, "outDir");
            if (out.isPresent()) {
                return out.get();
            }
        }
        return "dist";
    }

    static Optional<String> configValue(SourceTree tree, String dir, String file, String key) {
        Matcher m = Pattern.compile("\\b" + key + "\\s*:\\s*['\"]([^'\"]+)['\"]")
                .matcher(tree.textOrEmpty(SourceTree.join(dir, file)));
        return m.find() ? Optional.of(m.group(1).replaceFirst("^\\./", "")) : Optional.empty();
    }
}
