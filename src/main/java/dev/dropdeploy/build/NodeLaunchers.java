package dev.dropdeploy.build;

import dev.dropdeploy.detect.DetectionReport;

/** Files DropDeploy adds to a Node app's build so that its start command has something to run. */
final class NodeLaunchers {

    /** Serves a module that exports its app without listening (see templates/node/serve-exported.mjs). */
    static final String EXPORTED_APP = ".dropdeploy/serve-exported.mjs";

    /** Swaps an Astro host adapter for @astrojs/node before the build (see templates/node/astro-node-adapter.mjs). */
    static final String ASTRO_ADAPTER_SWAP = ".dropdeploy/astro-node-adapter.mjs";

    /** Makes a listen call on localhost/127.0.0.1 listen on 0.0.0.0 (see templates/node/listen-all.cjs). */
    static final String LISTEN_ALL = ".dropdeploy/listen-all.cjs";

    private NodeLaunchers() {}

    static boolean swapsAstroAdapter(DetectionReport report) {
        return report.commands() != null
                && report.commands().build() != null
                && report.commands().build().contains(ASTRO_ADAPTER_SWAP);
    }

    static boolean servesExportedApp(DetectionReport report) {
        return report.commands() != null
                && report.commands().start() != null
                && report.commands().start().contains(EXPORTED_APP);
    }
}
