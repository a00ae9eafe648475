package dev.dropdeploy.detect.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site generators build files to serve; they are served from where their scripts and config put them. */
class SiteGeneratorsTest {

    private static DetectionReport detect(Path dir, String packageJson, Map<String, String> more) {
        Map<String, String> files = new java.util.HashMap<>(more);
        files.put("package.json", packageJson);
        return Trees.detect(dir, files);
    }

    @Test
    void aGatsbySiteIsServedFromPublic(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"gatsby build\",\"serve\":\"gatsby serve\"},\"dependencies\":{\"gatsby\":\"5.14.1\",\"react\":\"18.3.1\"}}",
                Map.of("src/pages/index.js", "export default () => <h1>hi</h1>;\n"));

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.framework()).isEqualTo("gatsby");
        assertThat(report.staticOutputDir()).isEqualTo("public");
        assertThat(report.webServer()).isTrue();
    }

    @Test
    void aPreactCliAppIsBuiltIntoBuildAndServedAsFiles(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"NODE_OPTIONS=--openssl-legacy-provider preact build\",\"serve\":\"sirv build --port 8080\"},"
                        + "\"dependencies\":{\"preact\":\"^10.15.0\"},\"devDependencies\":{\"preact-cli\":\"^3.4.5\"}}",
                Map.of("src/index.js", "import './style';\nexport default () => <h1>hi</h1>;\n"));

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.framework()).isEqualTo("preact-cli");
        assertThat(report.staticOutputDir()).isEqualTo("build");
    }

    @Test
    void aDocusaurusSiteFollowsTheOutDirFlagOfItsBuildScript(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"docusaurus build --out-dir site\"},\"dependencies\":{\"@docusaurus/core\":\"3.6.3\",\"react\":\"18.3.1\"}}",
                Map.of("docusaurus.config.js", "module.exports = {};\n"));

        assertThat(report.framework()).isEqualTo("docusaurus");
        assertThat(report.staticOutputDir()).isEqualTo("site");
    }

    @Test
    void aVitePressSiteIsServedFromTheDistOfTheFolderItsBuildNames(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"docs:build\":\"vitepress build docs\",\"build\":\"npm run docs:build\"},\"devDependencies\":{\"vitepress\":\"1.5.0\"}}",
                Map.of("docs/index.md", "# Docs\n", "docs/.vitepress/config.mts", "export default { title: 'x' }\n"));

        assertThat(report.framework()).isEqualTo("vitepress");
        assertThat(report.staticOutputDir()).isEqualTo("docs/.vitepress/dist");
    }

    @Test
    void anEleventySiteReadsItsOutputFolderFromItsConfig(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"npx @11ty/eleventy\"},\"devDependencies\":{\"@11ty/eleventy\":\"3.0.0\"}}",
                Map.of(
                        "eleventy.config.js",
                        "export default function () { return { dir: { input: 'src', output: 'public' } }; }\n",
                        "src/index.md",
                        "# Hi\n"));

        assertThat(report.framework()).isEqualTo("eleventy");
        assertThat(report.staticOutputDir()).isEqualTo("public");
    }

    @Test
    void aParcelAppIsBuiltAndServedFromDistNotRunWithItsDevServer(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"source\":\"src/index.html\",\"scripts\":{\"start\":\"parcel\",\"build\":\"parcel build\"},"
                        + "\"devDependencies\":{\"parcel\":\"^2.8.3\"}}",
                Map.of("src/index.html", "<h1>hi</h1>\n"));

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.framework()).isEqualTo("parcel");
        assertThat(report.staticOutputDir()).isEqualTo("dist");
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("DEV_SERVER"));
    }

    @Test
    void anAstroSiteWithoutAnAdapterIsStaticAndHonoursItsOutDir(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"astro build\"},\"dependencies\":{\"astro\":\"5.1.1\"}}",
                Map.of(
                        "astro.config.mjs",
                        "import { defineConfig } from 'astro/config';\nexport default defineConfig({ outDir: './www' });\n",
                        "src/pages/index.astro",
                        "<h1>hi</h1>\n"));

        assertThat(report.stack()).isEqualTo(Stack.SPA);
        assertThat(report.framework()).isEqualTo("astro-static");
        assertThat(report.staticOutputDir()).isEqualTo("www");
    }

    @Test
    void anAstroSiteRenderingOnRequestForVercelIsBuiltWithTheNodeAdapterInsteadAndSaysSo(@TempDir Path dir) {
        DetectionReport report = detect(
                dir,
                "{\"scripts\":{\"build\":\"astro build\"},\"dependencies\":{\"astro\":\"5.1.1\",\"@astrojs/vercel\":\"8.0.0\"}}",
                Map.of(
                        "astro.config.mjs",
                        "import vercel from '@astrojs/vercel';\nexport default { output: 'server', adapter: vercel() };\n"));

        assertThat(report.stack()).isEqualTo(Stack.NODE);
        assertThat(report.framework()).isEqualTo("astro-node");
        assertThat(report.commands().build())
                .isEqualTo("npm install --no-save @astrojs/node@9 && node /app/.dropdeploy/astro-node-adapter.mjs"
                        + " && npm run build");
        assertThat(report.commands().start()).isEqualTo("node ./dist/server/entry.mjs");
        assertThat(report.warnings())
                .anySatisfy(w -> assertThat(w.message()).contains("builds it with @astrojs/node@9 (standalone)"));
    }
}
