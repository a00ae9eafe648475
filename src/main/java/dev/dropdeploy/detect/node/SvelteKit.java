package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;

/**
 * SvelteKit's adapter decides what its build writes: adapter-static a site of files, adapter-node a server ({@code node
 * build}). Any other adapter (adapter-auto, Vercel, Netlify, Cloudflare) writes nothing that runs here, so the build
 * swaps it for adapter-node from the npm registry, in the build stage only, and says so.
 */
final class SvelteKit {

    private static final String NODE_ADAPTER = "@sveltejs/adapter-node";
    private static final String CONFIG = "svelte.config";

    /** Lets SvelteKit work out the site's origin behind Traefik, which sets the forwarded headers. */
    private static final String ORIGIN_FROM_PROXY =
            "env PROTOCOL_HEADER=x-forwarded-proto HOST_HEADER=x-forwarded-host ";

    private SvelteKit() {}

    static Proposal classify(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        if (pkg.has("@sveltejs/adapter-static")) {
            StaticBuild build =
                    new StaticBuild("sveltekit-static", "@sveltejs/adapter-static", "vite build", "npx vite build");
            String pages =
                    Frontends.firstConfigValue(tree, dir, CONFIG, "pages").orElse("build");
            return Frontends.spa(dir, pkg, pm, build, pages);
        }
        String out = Frontends.firstConfigValue(tree, dir, CONFIG, "out").orElse("build");
        String start = ORIGIN_FROM_PROXY + "node " + out;
        if (pkg.has(NODE_ADAPTER)) {
            return ServerFrameworks.server(dir, pkg, pm, "sveltekit", NODE_ADAPTER, start);
        }
        String adapter = pkg.devDependencies().keySet().stream()
                .filter(d -> d.startsWith("@sveltejs/adapter-"))
                .findFirst()
                .orElse("@sveltejs/adapter-auto");
        Proposal p = ServerFrameworks.server(dir, pkg, pm, "sveltekit", "@sveltejs/kit", start);
        String spec = NODE_ADAPTER + (ServerFrameworks.major(pkg, "@sveltejs/kit") == 1 ? "@1" : "@5");
        String swap = pm.addForBuild(spec) + " && sed -i -E 's#" + adapter + "#" + NODE_ADAPTER + "#' " + CONFIG + ".*";
        String build = p.buildCommand() == null ? "npx vite build" : p.buildCommand();
        return p.commands(null, swap + " && " + build, p.start())
                .because("buildCommand", null, 0, "the build swaps " + adapter + " for " + spec)
                .warn(
                        Codes.SERVER_ADAPTER,
                        pkg.path(),
                        pkg.lineOf(adapter),
                        "SvelteKit uses " + adapter + ", which builds nothing that runs on this server; the build"
                                + " uses " + NODE_ADAPTER + " instead (your files are unchanged). Add " + NODE_ADAPTER
                                + " to svelte.config.js to build the same way yourself.");
    }
}
