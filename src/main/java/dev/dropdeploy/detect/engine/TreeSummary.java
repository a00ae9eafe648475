package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.BuildNeeds;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Evidence;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The "cannot detect" report: what was found, and what would have been accepted. */
final class TreeSummary {

    static final String ACCEPTED = "index.html (static site); package.json (Node, Vite, React, Vue, Angular, Next.js);"
            + " requirements.txt, pyproject.toml or *.py (Python); pom.xml, build.gradle or *.java (Java); go.mod or"
            + " *.go (Go); composer.json or *.php (PHP); a Dockerfile";

    private TreeSummary() {}

    static String describe(SourceTree tree) {
        List<SourceFile> files = tree.files();
        if (files.isEmpty()) {
            return "the upload is empty";
        }
        Map<String, Long> byType = new TreeMap<>(files.stream()
                .collect(Collectors.groupingBy(
                        f -> f.extension().isEmpty() ? "(no extension)" : "." + f.extension(), Collectors.counting())));
        String types = byType.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        String sample = files.stream().limit(10).map(SourceFile::path).collect(Collectors.joining(", "));
        return files.size() + (tree.truncated() ? "+" : "") + " files (" + types + "), for example " + sample;
    }

    static DetectionReport unknown(SourceTree tree, String base, List<DetectionWarning> warnings) {
        String found = describe(tree);
        List<Evidence> evidence = List.of(
                new Evidence("stack", null, 0, "No deployable app recognised. Found: " + found + "."),
                new Evidence("stack", null, 0, "Accepted: " + ACCEPTED + "."));
        List<DetectionWarning> all = new ArrayList<>();
        all.add(new DetectionWarning(
                Codes.CANNOT_DETECT,
                null,
                0,
                "Cannot detect how to run this upload. Found " + found + ". Add one of: " + ACCEPTED + "."));
        all.addAll(warnings);
        return new DetectionReport(
                Stack.UNKNOWN,
                null,
                null,
                null,
                base,
                null,
                Proposal.DEFAULT_PORT,
                "/",
                null,
                false,
                null,
                0.0,
                evidence,
                List.of(),
                List.copyOf(all),
                BuildNeeds.NONE,
                null,
                null);
    }
}
