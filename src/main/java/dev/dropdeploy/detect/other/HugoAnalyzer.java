package dev.dropdeploy.detect.other;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hugo site: a program of its own (Go), not an npm package, so it is recognised by its config beside the folders
 * Hugo reads, built with Debian's hugo and served as files like any other site generator's output.
 */
public final class HugoAnalyzer implements Analyzer {

    /** hugo.* since Hugo 0.110; config.* before, also in config/_default/. */
    private static final List<String> CONFIGS = List.of(
            "hugo.toml",
            "hugo.yaml",
            "hugo.yml",
            "hugo.json",
            "config.toml",
            "config.yaml",
            "config.yml",
            "config.json",
            "config/_default/hugo.toml",
            "config/_default/config.toml");
    /** What a site has besides its config; config.toml alone is too common a name to mean Hugo. */
    private static final List<String> SITE_FOLDERS = List.of("content", "layouts", "archetypes", "themes");

    private static final String BUILD = "hugo --minify";

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        Optional<String> config = CONFIGS.stream()
                .map(name -> SourceTree.join(dir, name))
                .filter(tree::exists)
                .findFirst();
        if (config.isEmpty() || !isSite(tree, dir, config.get())) {
            return List.of();
        }
        String path = config.get();
        String text = tree.textOrEmpty(path);
        // The folder lands in the Dockerfile: a plain relative path inside the site, else Hugo's default.
        String out = value(text, "publishDir").filter(HugoAnalyzer::plainFolder).orElse("public");
        Proposal p = new Proposal(Stack.SPA, "hugo", dir, Kind.STATIC_BUILD, "Hugo site, built then served as files")
                .commands(null, BUILD, null)
                .staticOutputDir(out)
                .systemPackages(List.of("hugo"), List.of())
                .because("framework", path, 0, "Hugo's config beside content/, layouts/ or themes/")
                .because("buildCommand", null, 0, BUILD + " with Hugo from Debian's packages")
                .because("staticOutputDir", path, 0, "publishDir, else Hugo's default public/");
        value(text, "theme").ifPresent(theme -> themeCheck(tree, dir, path, text, theme, p));
        return List.of(p);
    }

    private static boolean plainFolder(String path) {
        return path.matches("[A-Za-z0-9_][A-Za-z0-9_./-]*") && !path.contains("..");
    }

    private static boolean isSite(SourceTree tree, String dir, String config) {
        return config.startsWith(SourceTree.join(dir, "hugo."))
                || SITE_FOLDERS.stream()
                        .anyMatch(folder ->
                                !tree.filesUnder(SourceTree.join(dir, folder)).isEmpty());
    }

    /** A theme kept as a Git submodule does not come with a repository's files, and Hugo stops without it. */
    private static void themeCheck(SourceTree tree, String dir, String config, String text, String theme, Proposal p) {
        if (theme.contains("/")
                || !tree.filesUnder(SourceTree.join(dir, "themes/" + theme)).isEmpty()) {
            return;
        }
        p.warn(
                Codes.THEME_MISSING,
                config,
                SourceTree.lineOf(text, Pattern.compile("theme")),
                "The theme '" + theme + "' is not in themes/" + theme + " (a Git submodule's files are not part of"
                        + " the repository's), so Hugo cannot build the site. Copy the theme's files into themes/"
                        + theme + ".");
    }

    /** {@code key = "v"} (TOML), {@code key: v} (YAML) or {@code "key": "v"} (JSON), at the start of a line. */
    static Optional<String> value(String config, String key) {
        Matcher m = Pattern.compile(
                        "^\\s*\"?" + key + "\"?\\s*[:=]\\s*[\"']?([^\"'\\s,#\\]\\[]+)",
                        Pattern.MULTILINE | Pattern.CASE_INSENSITIVE)
                .matcher(config);
        return m.find() ? Optional.of(m.group(1).replaceFirst("^\\./", "")) : Optional.empty();
    }
}
