package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.Candidate;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Evidence;
import dev.dropdeploy.detect.program.ProgramForms;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the winning proposal: the highest-ranked {@link Kind} (the precedence table), a member folder counting {@link
 * Kind#MEMBER_FACTOR} of it so that a root app with a helper folder stays the root app.
 */
final class Resolver {

    private static final int MAX_RUNNERS_UP = 8;

    private final SourceTree tree;
    private final String base;

    Resolver(SourceTree tree, String base) {
        this.tree = tree;
        this.base = base;
    }

    DetectionReport resolve(List<Proposal> proposals, List<DetectionWarning> scanWarnings) {
        proposals.stream().filter(p -> !p.directory.equals(base)).forEach(p -> p.score *= Kind.MEMBER_FACTOR);
        List<Proposal> ranked = proposals.stream()
                .sorted(Comparator.comparingDouble((Proposal p) -> -p.score)
                        .thenComparingInt(p -> Layout.depth(p.directory))
                        .thenComparing(p -> p.directory)
                        .thenComparing(p -> p.stack))
                .toList();
        Proposal winner = ranked.getFirst();
        Procfile.apply(tree, winner);
        List<Candidate> runnersUp = runnersUp(ranked, winner);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("stack", null, 0, winner.reason));
        evidence.addAll(winner.evidence);
        monorepoEvidence(ranked, winner).ifPresent(evidence::add);
        LinkedHashSet<DetectionWarning> warnings = new LinkedHashSet<>(winner.warnings);
        warnings.addAll(Hygiene.check(tree, winner.directory));
        warnings.addAll(DataNeeds.check(tree, winner.directory));
        warnings.addAll(scanWarnings);
        if (!winner.webServer) {
            String why = "This program does not serve HTTP (it prints or reads input), so it gets a run page: a form"
                    + " for its input, a Run button and its output.";
            evidence.add(new Evidence("webServer", null, 0, why));
            warnings.add(new DetectionWarning(Codes.NOT_A_WEB_SERVER, null, 0, why));
        }
        return new DetectionReport(
                winner.stack,
                winner.framework,
                winner.runtimeVersion,
                winner.packageManager,
                winner.directory,
                winner.toCommands(),
                winner.port,
                winner.healthPath,
                winner.staticOutputDir,
                winner.webServer,
                winner.entrypoint,
                confidence(winner, runnersUp),
                List.copyOf(evidence),
                runnersUp,
                List.copyOf(warnings),
                winner.toNeeds(),
                winner.webServer ? null : ProgramForms.read(tree, winner.stack, winner.directory, winner.entrypoint),
                winner.workspace);
    }

    private static List<Candidate> runnersUp(List<Proposal> ranked, Proposal winner) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        seen.add(key(winner));
        return ranked.stream()
                .filter(p -> seen.add(key(p)))
                .limit(MAX_RUNNERS_UP)
                .map(p -> new Candidate(p.stack, p.framework, p.directory, round(p.score), p.reason))
                .toList();
    }

    private static String key(Proposal p) {
        return p.stack + "|" + p.framework + "|" + p.directory;
    }

    private static java.util.Optional<Evidence> monorepoEvidence(List<Proposal> ranked, Proposal winner) {
        List<String> members = ranked.stream()
                .filter(p -> p.webServer && p.score >= Kind.LISTED_MEMBER)
                .map(p -> p.directory)
                .distinct()
                .toList();
        if (members.size() < 2) {
            return java.util.Optional.empty();
        }
        String list = ranked.stream()
                .filter(p -> p.webServer && p.score >= Kind.LISTED_MEMBER)
                .collect(Collectors.toMap(p -> p.directory, p -> p, (a, b) -> a, java.util.LinkedHashMap::new))
                .values()
                .stream()
                .map(p -> (p.directory.isEmpty() ? "." : p.directory) + " (" + describe(p) + ")")
                .collect(Collectors.joining("; "));
        return java.util.Optional.of(new Evidence(
                "appDirectory",
                winner.directory.isEmpty() ? null : winner.directory,
                0,
                "Several deployable folders: " + list + ". Picked the one that serves HTTP with the strongest"
                        + " evidence; choose another folder to deploy it instead."));
    }

    private static String describe(Proposal p) {
        return p.stack.name().toLowerCase(java.util.Locale.ROOT) + (p.framework == null ? "" : " " + p.framework);
    }

    /**
     * High when the winner is strong and clearly ahead; an ambiguous choice says so by a lower number. An own
     * Dockerfile is the author's explicit instruction, so what else the folder could be does not make it doubtful.
     */
    private static double confidence(Proposal winner, List<Candidate> runnersUp) {
        if (winner.stack == dev.dropdeploy.detect.Stack.DOCKERFILE) {
            return round(winner.score);
        }
        double next = runnersUp.stream()
                .filter(c -> c.directory().equals(winner.directory))
                .mapToDouble(Candidate::score)
                .max()
                .orElse(0);
        double margin = winner.score - next;
        double factor = margin >= 0.2 ? 1.0 : 0.75 + margin * 1.25;
        return round(winner.score * factor);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
