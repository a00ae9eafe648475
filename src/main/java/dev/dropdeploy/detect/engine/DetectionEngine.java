package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.scan.ScanLimits;
import dev.dropdeploy.detect.scan.SourceTree;
import dev.dropdeploy.detect.scan.TreeScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scan, analyse every candidate folder with every analyzer, resolve. */
public final class DetectionEngine {

    private final List<Analyzer> analyzers;
    private final ScanLimits limits;

    public DetectionEngine(List<Analyzer> analyzers, ScanLimits limits) {
        this.analyzers = List.copyOf(analyzers);
        this.limits = limits;
    }

    public DetectionReport detect(Path root) {
        SourceTree tree = new TreeScanner(limits).scan(root);
        String base = Layout.unwrap(tree);
        List<Proposal> proposals = new ArrayList<>();
        for (String dir : Layout.candidateDirs(tree, base)) {
            for (Analyzer analyzer : analyzers) {
                proposals.addAll(safely(analyzer, tree, dir));
            }
        }
        List<DetectionWarning> scanWarnings = scanWarnings(tree);
        if (proposals.isEmpty()) {
            return TreeSummary.unknown(tree, base, scanWarnings);
        }
        return new Resolver(tree, base).resolve(proposals, scanWarnings);
    }

    private static List<Proposal> safely(Analyzer analyzer, SourceTree tree, String dir) {
        try {
            return analyzer.analyze(tree, dir);
        } catch (RuntimeException e) {
            // One analyzer choking on odd input must not hide what the others found.
            return List.of();
        }
    }

    private List<DetectionWarning> scanWarnings(SourceTree tree) {
        List<DetectionWarning> out = new ArrayList<>();
        if (tree.truncated()) {
            out.add(new DetectionWarning(
                    Codes.TREE_TRUNCATED,
                    null,
                    0,
                    "The upload has more than " + limits.maxFiles() + " files; only the first were looked at."));
        }
        if (tree.symlinks() > 0) {
            out.add(new DetectionWarning(
                    Codes.SYMLINK_SKIPPED,
                    null,
                    0,
                    tree.symlinks() + " symbolic link(s) were ignored; links are never followed."));
        }
        return out;
    }
}
