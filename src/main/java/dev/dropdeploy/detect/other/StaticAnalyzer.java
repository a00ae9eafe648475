package dev.dropdeploy.detect.other;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.Kind;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;

/** HTML served as files. Weak on purpose: any build or server in the same folder outranks it. */
public final class StaticAnalyzer implements Analyzer {

    @Override
    public List<Proposal> analyze(SourceTree tree, String dir) {
        boolean hasManifest = tree.exists(SourceTree.join(dir, "package.json"));
        for (String root : List.of("", "public", "www", "site", "docs")) {
            String folder = root.isEmpty() ? dir : SourceTree.join(dir, root);
            String index = SourceTree.join(folder, "index.html");
            if (tree.exists(index)) {
                return List.of(site(
                        dir,
                        root.isEmpty() ? "." : root,
                        hasManifest ? Kind.STATIC_BESIDE_MANIFEST : Kind.STATIC_SITE,
                        index,
                        "index.html"));
            }
        }
        List<SourceFile> pages = tree.filesIn(dir).stream()
                .filter(f -> f.extension().equals("html") || f.extension().equals("htm"))
                .toList();
        if (pages.size() == 1 && !hasManifest) {
            String page = pages.getFirst().path();
            return List.of(
                    site(dir, ".", Kind.STATIC_PAGE, page, pages.getFirst().name())
                            .entrypoint(pages.getFirst().name())
                            // A saved page is often "Untitled page.html": a path carries it encoded.
                            .healthPath("/"
                                    + java.net.URLEncoder.encode(
                                                    pages.getFirst().name(), java.nio.charset.StandardCharsets.UTF_8)
                                            .replace("+", "%20")));
        }
        return List.of();
    }

    private static Proposal site(String dir, String outputDir, Kind kind, String page, String name) {
        return new Proposal(Stack.STATIC, "static", dir, kind, "Static site: " + page + " is served as a file")
                .staticOutputDir(outputDir)
                .because("staticOutputDir", page, 0, name + " found; its folder is served as is, no build step");
    }
}
