package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-rendering meta-frameworks: built, then run with the server their build writes (Nuxt's Nitro server,
 * SvelteKit's adapter-node, Remix and React Router's serve, Astro's node adapter, TanStack Start, SolidStart, Nitro
 * itself). Each reads {@code
 * PORT} and {@code HOST} (the Node template sets 0.0.0.0), so it listens where DropDeploy routes. The same frameworks
 * set up for static output are served as files. A start script that runs a server of the app's own still wins (a
 * {@link Kind#CODED_SERVER} outranks these).
 */
final class ServerFrameworks {

    /** A start command that runs a built server: {@code node build}, {@code remix-serve ./build/index.js}. */
    private static final Pattern SERVE_COMMAND = Pattern.compile(
            "^(?:[A-Z_]+=\\S+\\s+)*(?:npx\\s+)?((?:node|remix-serve|react-router-serve)\\s+[^&|;]+?)\\s*$");

    private static final Pattern STATIC_OUTPUT = Pattern.compile("\\bssr\\s*:\\s*false");
    private static final Pattern ASTRO_MIDDLEWARE = Pattern.compile("mode\\s*:\\s*['\"]middleware['\"]");
    private static final Pattern ASTRO_SERVER_OUTPUT = Pattern.compile("output\\s*:\\s*['\"](server|hybrid)['\"]");
    private static final Pattern MAJOR = Pattern.compile("(\\d+)");

    /**
     * Swaps a host's adapter for @astrojs/node in the build stage (templates/node/astro-node-adapter.mjs). Absolute: a
     * workspace member builds in its own folder, while the script lies at the build context's root (/app).
     */
    static final String ASTRO_ADAPTER_SWAP = "/app/.dropdeploy/astro-node-adapter.mjs";

    /** The @astrojs/node major that supports each Astro major (its peer dependency). */
    private static final Map<Integer, String> ASTRO_NODE_ADAPTER = Map.of(5, "9", 4, "8", 3, "6", 2, "5");

    /**
     * Dependencies whose build writes a Nitro server to .output/server/index.mjs (Nuxt has a case of its own), and the
     * framework each names. Vinxi-based SolidStart and TanStack Start build with Nitro too.
     */
    private static final List<Map.Entry<String, String>> NITRO_SERVERS = List.of(
            Map.entry("@tanstack/react-start", "tanstack-start"),
            Map.entry("@tanstack/solid-start", "tanstack-start"),
            Map.entry("@tanstack/start", "tanstack-start"),
            Map.entry("@solidjs/start", "solid-start"),
            Map.entry("nitropack", "nitro"),
            Map.entry("nitro", "nitro"));

    private ServerFrameworks() {}

    static Optional<Proposal> classify(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        if (pkg.has("nuxt")) {
            return Optional.of(nuxt(dir, pkg, pm));
        }
        if (pkg.has("@sveltejs/kit")) {
            return Optional.of(SvelteKit.classify(tree, dir, pkg, pm));
        }
        if (pkg.has("@react-router/dev")) {
            return reactRouter(tree, dir, pkg, pm);
        }
        if (pkg.has("@remix-run/dev") || pkg.has("@remix-run/serve")) {
            return remix(tree, dir, pkg, pm);
        }
        if (pkg.has("astro") && pkg.has("@astrojs/node")) {
            return astroNode(tree, dir, pkg, pm);
        }
        for (var nitro : NITRO_SERVERS) {
            if (pkg.has(nitro.getKey())) {
                return Optional.of(onNitrosNodePreset(
                        server(dir, pkg, pm, nitro.getValue(), nitro.getKey(), "node .output/server/index.mjs"),
                        pkg,
                        pm,
                        nitro.getKey()));
            }
        }
        return astroElsewhere(tree, dir, pkg, pm);
    }

    /** Nuxt 3 writes a Nitro server to .output; {@code nuxt generate} writes a static site; Nuxt 2 runs nuxt start. */
    private static Proposal nuxt(String dir, PackageJson pkg, PackageManager pm) {
        boolean nuxt2 = major(pkg, "nuxt") == 2;
        if (BuildScripts.commands(pkg, "build").stream()
                .anyMatch(c -> c.matches("(?:npx )?(?:nuxt|nuxi) generate.*"))) {
            StaticBuild generate =
                    new StaticBuild("nuxt-static", "nuxt", "(?:nuxt|nuxi) generate", "npx nuxi generate");
            return Frontends.spa(dir, pkg, pm, generate, nuxt2 ? "dist" : ".output/public");
        }
        return server(dir, pkg, pm, "nuxt", "nuxt", nuxt2 ? "npx nuxt start" : "node .output/server/index.mjs");
    }

    /**
     * A Nitro build for a host (an example made for Vercel names {@code preset: "vercel"} in its config) writes that
     * host's function format, and no .output/server/index.mjs. NITRO_PRESET, which Nitro and Vinxi read before the
     * config's preset, makes it write the Node server the app runs here; it is Nitro's default anyway.
     */
    private static Proposal onNitrosNodePreset(Proposal p, PackageJson pkg, PackageManager pm, String dependency) {
        if (!pkg.scripts().containsKey("build")) {
            return p;
        }
        return p.commands(null, "NITRO_PRESET=node-server " + pm.run("build"), p.start())
                .because(
                        "buildCommand",
                        pkg.path(),
                        pkg.lineOf(dependency),
                        "NITRO_PRESET=node-server: Nitro writes the Node server this app runs here, whatever host"
                                + " preset its config names");
    }

    /** React Router v7 framework mode: {@code ssr: false} builds a single-page app into build/client. */
    private static Optional<Proposal> reactRouter(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        if (STATIC_OUTPUT
                .matcher(Frontends.configText(tree, dir, "react-router.config"))
                .find()) {
            StaticBuild build = new StaticBuild(
                    "react-router-spa", "@react-router/dev", "react-router build", "npx react-router build");
            return Optional.of(Frontends.spa(dir, pkg, pm, build, "build/client"));
        }
        return servedBy(
                dir, pkg, pm, "react-router", "@react-router/serve", "react-router-serve ./build/server/index.js");
    }

    /**
     * Remix runs on remix-serve. An app made for a host (Vercel's preset and @vercel/remix instead of @remix-run/serve)
     * has no server of its own: the build adds remix-serve from the npm registry, at the app's Remix version, and runs
     * the server bundle the build wrote (a preset's bundle in its own folder under build/server is copied up).
     */
    private static Optional<Proposal> remix(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        boolean vite = tree.filesIn(dir).stream().anyMatch(f -> f.name().startsWith("vite.config"));
        String built = vite ? "./build/server/index.js" : "./build/index.js";
        boolean ownServer = pkg.has("@remix-run/express") || pkg.has("express") || pkg.has("hono");
        if (pkg.has("@remix-run/serve") || startFromScript(pkg).isPresent() || !vite || ownServer) {
            return servedBy(dir, pkg, pm, "remix", "@remix-run/serve", "remix-serve " + built);
        }
        String serve = "@remix-run/serve@" + version(pkg, "@remix-run/dev");
        String build = pm.addForBuild(serve) + " && "
                + (pkg.scripts().containsKey("build") ? pm.run("build") : "npx remix vite:build")
                + " && (test -f build/server/index.js || cp -R build/server/*/. build/server/)";
        Proposal p = server(dir, pkg, pm, "remix", "@remix-run/dev", "remix-serve " + built);
        return Optional.of(p.commands(null, build, p.start())
                .because("buildCommand", pkg.path(), pkg.lineOf("@remix-run/dev"), "no server package: adds " + serve));
    }

    /** The framework's serve binary runs the built server; without it the app needs a server of its own. */
    private static Optional<Proposal> servedBy(
            String dir, PackageJson pkg, PackageManager pm, String framework, String serveDependency, String start) {
        if (!pkg.has(serveDependency) && startFromScript(pkg).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(server(dir, pkg, pm, framework, serveDependency, start));
    }

    /** Astro's node adapter in standalone mode serves dist/server/entry.mjs; middleware mode has a server of its own. */
    private static Optional<Proposal> astroNode(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        String config = astroConfig(tree, dir);
        if (ASTRO_MIDDLEWARE.matcher(config).find()) {
            return Optional.empty();
        }
        String out =
                Frontends.firstConfigValue(tree, dir, "astro.config", "outDir").orElse("dist");
        return Optional.of(server(dir, pkg, pm, "astro-node", "@astrojs/node", "node ./" + out + "/server/entry.mjs"));
    }

    /**
     * Astro rendering on request with a host's adapter (Vercel, Netlify, Cloudflare, Deno), which runs only on that host:
     * the build swaps it for @astrojs/node in standalone mode (from the npm registry, the major that fits the app's
     * Astro) and runs the server that adapter writes; the build log and a warning say so.
     */
    private static Optional<Proposal> astroElsewhere(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        String adapter = pkg.dependencies().keySet().stream()
                .filter(d -> d.matches("@astrojs/(vercel|netlify|cloudflare|deno)"))
                .findFirst()
                .orElse(null);
        if (!pkg.has("astro")
                || adapter == null
                || !ASTRO_SERVER_OUTPUT.matcher(astroConfig(tree, dir)).find()) {
            return Optional.empty();
        }
        String nodeAdapter = "@astrojs/node@" + ASTRO_NODE_ADAPTER.getOrDefault(major(pkg, "astro"), "latest");
        String build = pm.addForBuild(nodeAdapter) + " && node " + ASTRO_ADAPTER_SWAP + " && "
                + (pkg.scripts().containsKey("build") ? pm.run("build") : "npx astro build");
        String out =
                Frontends.firstConfigValue(tree, dir, "astro.config", "outDir").orElse("dist");
        Proposal p = server(dir, pkg, pm, "astro-node", adapter, "node ./" + out + "/server/entry.mjs");
        return Optional.of(p.commands(null, build, p.start())
                .because("buildCommand", pkg.path(), pkg.lineOf(adapter), adapter + " swapped for " + nodeAdapter)
                .warn(
                        Codes.SERVER_ADAPTER,
                        pkg.path(),
                        pkg.lineOf(adapter),
                        "This Astro site renders pages on request with " + adapter + ", which runs only on that"
                                + " host; DropDeploy builds it with " + nodeAdapter + " (standalone) instead. To"
                                + " deploy it here as it is, replace the adapter with @astrojs/node (npx astro add"
                                + " node)."));
    }

    private static String astroConfig(SourceTree tree, String dir) {
        return Frontends.configText(tree, dir, "astro.config");
    }

    /** A framework server: built by the build script, started by the start script when it runs a built server. */
    static Proposal server(
            String dir, PackageJson pkg, PackageManager pm, String framework, String dependency, String start) {
        Optional<String> stated = startFromScript(pkg);
        String run = stated.orElse(start);
        String build = pkg.scripts().containsKey("build") ? pm.run("build") : null;
        return new Proposal(Stack.NODE, framework, dir, Kind.FRAMEWORK_SERVER, framework + " server, built then run")
                .commands(null, build, run)
                .because("framework", pkg.path(), pkg.lineOf(dependency), "dependency " + dependency)
                .because(
                        "startCommand",
                        stated.isPresent() ? pkg.path() : null,
                        stated.isPresent() ? pkg.lineOf("start") : 0,
                        stated.isPresent()
                                ? "the start script runs the built server: " + run
                                : run + " (the server " + framework + "'s build writes)")
                .because("port", null, 0, "reads PORT (" + Proposal.DEFAULT_PORT + ") and HOST (0.0.0.0)");
    }

    /** The start script's command when it runs a built server, without leading variable assignments. */
    static Optional<String> startFromScript(PackageJson pkg) {
        for (String command : BuildScripts.commands(pkg, "start")) {
            Matcher m = SERVE_COMMAND.matcher(command);
            if (m.matches()) {
                return Optional.of(m.group(1).strip());
            }
        }
        return Optional.empty();
    }

    /** The declared version without its range operator when it names one release, else its major (npm picks). */
    private static String version(PackageJson pkg, String dep) {
        String declared = pkg.dependencies()
                .getOrDefault(dep, pkg.devDependencies().getOrDefault(dep, ""))
                .replaceFirst("^[\\^~=v]+", "");
        if (declared.matches("\\d+\\.\\d+\\.\\d+")) {
            return declared;
        }
        int major = major(pkg, dep);
        return major > 0 ? String.valueOf(major) : "latest";
    }

    static int major(PackageJson pkg, String dep) {
        String version =
                pkg.dependencies().getOrDefault(dep, pkg.devDependencies().getOrDefault(dep, ""));
        Matcher m = MAJOR.matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
