package dev.dropdeploy.build;

import java.util.List;

/**
 * Where front-end builds and site generators write their files, most common first. Detection reads the scripts and the
 * framework's config for the folder; when that folder has no index.html after the build (a config it could not read, a
 * plugin or adapter that moves the output), the build serves the first of these that has one, and says so.
 */
final class StaticOutputs {

    static final List<String> CANDIDATES = List.of(
            "dist",
            "build",
            "out",
            "public",
            "_site",
            "www",
            "dist/client",
            "build/client",
            "dist/browser",
            ".output/public",
            ".vercel/output/static",
            "docs/.vitepress/dist",
            "docs/.vuepress/dist",
            "src/.vuepress/dist");

    private StaticOutputs() {}
}
