package dev.dropdeploy.chat.turn;

import dev.dropdeploy.chat.llm.ApproximateTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the model sees of the project each turn, fresh from the files rather than from stale copies in memory: the
 * file tree, the current content of the files most likely relevant (named in the request or the error first, then
 * sources before data, small before large) until the token budget is spent, the rolling summary and the last
 * deployment's outcome.
 */
final class ProjectContext {

    private static final List<String> LOW_VALUE =
            List.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml", ".svg", ".map", ".min.js", ".csv");

    private ProjectContext() {}

    /** @param data what the project keeps data in, one line each (names of variables, never their values) */
    static String render(
            String projectName,
            Snapshot snapshot,
            String summary,
            List<String> data,
            String lastDeployment,
            String request,
            int budget) {
        StringBuilder out = new StringBuilder();
        out.append("# Project: ").append(projectName).append('\n');
        if (summary != null && !summary.isBlank()) {
            out.append("\n## What the app is so far\n").append(summary.strip()).append('\n');
        }
        out.append("\n## Data kept for this app\n");
        out.append(data.isEmpty() ? "(none attached)\n" : "- " + String.join("\n- ", data) + "\n");
        out.append("\n## Files (version ").append(snapshot.base()).append(")\n");
        if (snapshot.tree().isEmpty()) {
            out.append("(none yet: this is a new project)\n");
        }
        snapshot.tree()
                .forEach((path, size) ->
                        out.append("- ").append(path).append(" (").append(size).append(" bytes)\n"));
        if (lastDeployment != null) {
            out.append("\n## Last deployment\n").append(lastDeployment.strip()).append('\n');
        }
        int left = budget - ApproximateTokens.of(out.toString()) - ApproximateTokens.of(request);
        out.append(
                currentFiles(snapshot.texts(), request + "\n" + (lastDeployment == null ? "" : lastDeployment), left));
        out.append("\n## Request\n").append(request.strip()).append('\n');
        return out.toString();
    }

    private static String currentFiles(Map<String, String> texts, String hints, int budget) {
        if (texts.isEmpty()) {
            return "";
        }
        StringBuilder out =
                new StringBuilder("\n## Current content of the files (the truth; SEARCH must copy from here)\n");
        List<String> omitted = new ArrayList<>();
        for (String path : ranked(texts, hints)) {
            String block = "<current path=\"" + path + "\">\n" + texts.get(path) + "</current>\n";
            int cost = ApproximateTokens.of(block);
            if (cost <= budget) {
                out.append(block);
                budget -= cost;
            } else {
                omitted.add(path);
            }
        }
        if (!omitted.isEmpty()) {
            out.append("(Not shown to save space: ")
                    .append(String.join(", ", omitted))
                    .append(". Rewrite one only with a whole <file> if you must change it.)\n");
        }
        return out.toString();
    }

    static List<String> ranked(Map<String, String> texts, String hints) {
        String lower = hints.toLowerCase(Locale.ROOT);
        return texts.keySet().stream()
                .sorted(Comparator.<String, Boolean>comparing(p -> !mentioned(p, lower))
                        .thenComparing(p -> LOW_VALUE.stream().anyMatch(p::endsWith))
                        .thenComparing(p -> texts.get(p).length()))
                .toList();
    }

    private static boolean mentioned(String path, String hints) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return hints.contains(name);
    }
}
