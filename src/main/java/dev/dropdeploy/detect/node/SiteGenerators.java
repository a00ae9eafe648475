package dev.dropdeploy.detect.node;

import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static-site generators: they build files to serve, so they are served as files like any front-end build, never taken
 * for a program that does not serve web pages. Each row names the generator and where it writes by default; the
 * package's scripts (an output flag, a move, the folder the start script serves) and the generator's config win.
 */
final class SiteGenerators {

    private static final List<StaticBuild> TABLE = List.of(
            new StaticBuild("astro-static", "astro", "astro build", "npx astro build"),
            new StaticBuild("eleventy", "@11ty/eleventy", "(?:@11ty/)?eleventy", "npx @11ty/eleventy"),
            new StaticBuild("gatsby", "gatsby", "gatsby build", "npx gatsby build"),
            new StaticBuild("docusaurus", "@docusaurus/core", "docusaurus build", "npx docusaurus build"),
            new StaticBuild("vitepress", "vitepress", "vitepress build", "npx vitepress build"),
            new StaticBuild("vuepress", "vuepress", "vuepress build", "npx vuepress build"),
            new StaticBuild("hexo", "hexo", "hexo (?:generate|g)", "npx hexo generate"),
            new StaticBuild("preact-cli", "preact-cli", "preact build", "npx preact build"),
            // A bundler rather than a generator, but its build is files to serve the same way.
            new StaticBuild("parcel", "parcel", "parcel build", "npx parcel build"));

    /** The folder {@code vitepress build docs} or {@code vuepress build docs} builds. */
    private static final Pattern SOURCE_DIR = Pattern.compile("(?:vitepress|vuepress) build\\s+([\\w./-]+)");

    private SiteGenerators() {}

    static Optional<Proposal> classify(SourceTree tree, String dir, PackageJson pkg, PackageManager pm) {
        return TABLE.stream()
                .filter(g -> pkg.has(g.dependency()))
                .findFirst()
                .map(g -> Frontends.spa(dir, pkg, pm, g, defaultOutput(tree, dir, pkg, g)));
    }

    /** Where the generator writes when the scripts do not say: its config, else its documented default. */
    private static String defaultOutput(SourceTree tree, String dir, PackageJson pkg, StaticBuild g) {
        return switch (g.dependency()) {
            case "astro" ->
                Frontends.firstConfigValue(tree, dir, "astro.config", "outDir").orElse("dist");
            case "@11ty/eleventy" -> eleventyOutput(tree, dir);
            case "gatsby", "hexo" -> "public";
            case "@docusaurus/core", "preact-cli" -> "build";
            case "parcel" ->
                Frontends.firstConfigValue(tree, dir, "parcel.config", "distDir")
                        .orElse("dist");
            default -> pressOutput(tree, dir, pkg, g.dependency().equals("vitepress") ? ".vitepress" : ".vuepress");
        };
    }

    private static String eleventyOutput(SourceTree tree, String dir) {
        for (String file :
                List.of(".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs")) {
            Optional<String> out = Frontends.configValue(tree, dir, file, "output");
            if (out.isPresent()) {
                return out.get();
            }
        }
        return "_site";
    }

    /** VitePress and VuePress build {@code <source>/.vitepress/dist}; a config's outDir is relative to the source. */
    private static String pressOutput(SourceTree tree, String dir, PackageJson pkg, String configDir) {
        Matcher m = SOURCE_DIR.matcher(String.join(" && ", BuildScripts.commands(pkg, "build")));
        String source = m.find() ? m.group(1).replaceFirst("^\\./", "").replaceFirst("/$", "") : "";
        String config = SourceTree.join(source.isEmpty() ? dir : SourceTree.join(dir, source), configDir);
        String out = Frontends.firstConfigValue(tree, config, "config", "outDir")
                .or(() -> Frontends.firstConfigValue(tree, config, "config", "dest"))
                .orElse(configDir + "/dist");
        return source.isEmpty() || source.equals(".") ? out : source + "/" + out;
    }
}
