package dev.dropdeploy.detect.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Server-rendering frameworks run the server their build writes; set up for static output they are served as files. */
class ServerFrameworksTest {

    private static DetectionReport detect(Path dir, String packageJson, Map<String, String> more) {
        Map<String, String> files = new HashMap<>(more);
        files.put("package.json", packageJson);
        return Trees.detect(dir, files);
    }

    @Test
    void aSvelteKitAppOnAdapterNodeRunsTheServerItsBuildWrites(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"vite build\"},\"devDependencies\":{\"@sveltejs/kit\":\"2.8.5\",\"@sveltejs/adapter-node\":\"5.2.9\",\"vite\":\"5.4.11\"}}",
                Map.of(
                        "svelte.config.js",
                        "import adapter from '@sveltejs/adapter-node';\nexport default { kit: { adapter: adapter({ out: 'server' }) } };\n"));

        assertThat(report.stack()).isEqualTo(Stack.NODE);
        assertThat(report.commands().build()).isEqualTo("npm run build");
        assertThat(report.commands().start()).endsWith("node server");
    }

    @Test
    void aSvelteKitAppOnAdapterStaticIsServedFromItsPagesFolder(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"vite build\"},\"devDependencies\":{\"@sveltejs/kit\":\"2.8.5\",\"@sveltejs/adapter-static\":\"3.0.6\",\"vite\":\"5.4.11\"}}",
                Map.of(
                        "svelte.config.js",
                        "import adapter from '@sveltejs/adapter-static';\nexport default { kit: { adapter: adapter({ pages: 'public' }) } };\n"));

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.framework()).isEqualTo("sveltekit-static");
        assertThat(report.staticOutputDir()).isEqualTo("public");
    }

    @Test
    void aNuxtAppWhoseBuildGeneratesIsServedFromOutputPublic(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"nuxt generate\"},\"dependencies\":{\"nuxt\":\"3.14.1592\"}}",
                Map.of("app.vue", "<template><h1>hi</h1></template>\n"));

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.staticOutputDir()).isEqualTo(".output/public");
    }

    @Test
    void aClassicRemixAppIsServedByRemixServe(@TempDir Path dir) {
        DetectionReport report =
                detect(dir, """
                {"scripts":{"build":"remix build","start":"remix-serve ./build/index.js"},
                 "dependencies":{"@remix-run/node":"2.15.1","@remix-run/react":"2.15.1","@remix-run/serve":"2.15.1"},
                 "devDependencies":{"@remix-run/dev":"2.15.1"}}""", Map.of("app/root.tsx", "export default function App() { return null; }\n"));

        assertThat(report.framework()).isEqualTo("remix");
        assertThat(report.commands().start()).isEqualTo("remix-serve ./build/index.js");
    }

    @Test
    void aRemixAppMadeForAHostsPresetGetsRemixServeAtItsVersionAndRunsTheBundleTheBuildWrote(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                """
                {"scripts":{"build":"remix vite:build"},
                 "dependencies":{"@remix-run/node":"2.10.0","@vercel/remix":"2.10.0"},
                 "devDependencies":{"@remix-run/dev":"^2.10.0","vite":"^5.1.0"}}""",
                Map.of(
                        "vite.config.ts",
                        "import { vercelPreset } from \"@vercel/remix/vite\";\n"
                                + "export default defineConfig({ plugins: [remix({ presets: [vercelPreset()] })] });\n"));

        assertThat(report.framework()).isEqualTo("remix");
        assertThat(report.commands().build())
                .startsWith("npm install --no-save @remix-run/serve@2.10.0 && npm run build && ")
                .endsWith("(test -f build/server/index.js || cp -R build/server/*/. build/server/)");
        assertThat(report.commands().start()).isEqualTo("remix-serve ./build/server/index.js");
    }

    @Test
    void aRemixAppWithAnExpressServerOfItsOwnRunsThatServer(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                """
                {"scripts":{"build":"remix vite:build","start":"node server.js"},
                 "dependencies":{"@remix-run/express":"2.15.1","express":"4.21.2"},
                 "devDependencies":{"@remix-run/dev":"2.15.1","vite":"5.4.11"}}""",
                Map.of(
                        "server.js",
                        "import express from 'express';\nconst app = express();\napp.listen(process.env.PORT);\n"));

        assertThat(report.framework()).isEqualTo("express");
        assertThat(report.commands().start()).isEqualTo("node server.js");
        assertThat(report.commands().build()).isEqualTo("npm run build");
    }

    @Test
    void aReactRouterAppWithoutServerRenderingIsServedFromBuildClient(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"react-router build\"},\"devDependencies\":{\"@react-router/dev\":\"7.1.1\"}}",
                Map.of("react-router.config.ts", "export default { ssr: false };\n"));

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.staticOutputDir()).isEqualTo("build/client");
    }

    @Test
    void aTanStackStartAppRunsItsStartScriptsBuiltServer(@TempDir Path dir) {
        DetectionReport report = detect(dir, """
                {"scripts":{"build":"vite build","start":"NODE_ENV=production node .output/server/index.mjs"},
                 "dependencies":{"@tanstack/react-start":"1.120.5","react":"19.0.0"},"devDependencies":{"vite":"6.3.5"}}""", Map.of("src/router.tsx", "export const x = 1;\n"));

        assertThat(report.stack()).isEqualTo(Stack.NODE);
        assertThat(report.framework()).isEqualTo("tanstack-start");
        assertThat(report.commands().start()).isEqualTo("node .output/server/index.mjs");
    }

    @Test
    void aSvelteKitAppOnAPnpmProjectAddsAdapterNodeWithPnpm(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"packageManager\":\"pnpm@9.15.0\",\"scripts\":{\"build\":\"vite build\"},\"devDependencies\":{\"@sveltejs/kit\":\"^2.8.0\",\"@sveltejs/adapter-vercel\":\"5.5.0\"}}",
                Map.of("svelte.config.js", "import adapter from '@sveltejs/adapter-vercel';\n"));

        assertThat(report.commands().build())
                .startsWith("pnpm add -D @sveltejs/adapter-node@5 && sed -i -E"
                        + " 's#@sveltejs/adapter-vercel#@sveltejs/adapter-node#' svelte.config.*")
                .endsWith("pnpm run build");
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("SERVER_ADAPTER"));
    }

    @Test
    void aNitroAppMadeForAHostsPresetIsBuiltForNodeSoItsServerIsWhereItRuns(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"vinxi build\",\"start\":\"vinxi start\"},\"dependencies\":{\"@solidjs/start\":\"^1.0.10\",\"vinxi\":\"^0.4.3\"}}",
                Map.of("app.config.ts", "export default defineConfig({ server: { preset: \"vercel\" } });\n"));

        assertThat(report.commands().build()).isEqualTo("NITRO_PRESET=node-server npm run build");
        assertThat(report.commands().start()).isEqualTo("node .output/server/index.mjs");
    }
}
