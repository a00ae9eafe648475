package dev.dropdeploy.chat.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an answer to the project's current text files, all or nothing: every problem is collected, and any one
 * of them rejects the whole answer so a turn never leaves the project half-changed.
 */
public final class EditApplier {

    private final Map<String, String> current;

    /** @param current the project's text files by relative path, as they are before the turn */
    public EditApplier(Map<String, String> current) {
        this.current = Map.copyOf(current);
    }

    public Outcome apply(Answer answer) {
        List<String> problems = new ArrayList<>();
        if (!answer.complete()) {
            problems.add("the answer ended inside <" + answer.unclosed()
                    + "> before its closing tag, so that file is incomplete");
        }
        Map<String, String> files = new HashMap<>(current);
        Map<String, String> writes = new LinkedHashMap<>();
        Set<String> deletions = new LinkedHashSet<>();
        for (Block block : answer.blocks()) {
            applyOne(block, files, writes, deletions, problems);
        }
        if (!problems.isEmpty()) {
            return new Outcome.Rejected(List.copyOf(problems));
        }
        return new Outcome.Applied(writes, deletions, changes(writes, deletions));
    }

    private void applyOne(
            Block block,
            Map<String, String> files,
            Map<String, String> writes,
            Set<String> deletions,
            List<String> problems) {
        switch (block) {
            case Block.Malformed m -> problems.add(m.problem());
            case Block.Summary s -> {}
            case Block.Attach a -> {}
            case Block.FileWrite w ->
                checked(w.path(), problems, path -> {
                    Elision.find(w.content(), current.get(path))
                            .ifPresentOrElse(
                                    line -> problems.add(elided(path, line)),
                                    () -> put(path, w.content(), files, writes, deletions));
                });
            case Block.FileDelete d ->
                checked(d.path(), problems, path -> {
                    files.remove(path);
                    writes.remove(path);
                    if (current.containsKey(path)) {
                        deletions.add(path);
                    }
                });
            case Block.FileEdit e ->
                checked(e.path(), problems, path -> edit(path, e, files, writes, deletions, problems));
        }
    }

    private void edit(
            String path,
            Block.FileEdit edit,
            Map<String, String> files,
            Map<String, String> writes,
            Set<String> deletions,
            List<String> problems) {
        String content = files.get(path);
        if (content == null) {
            problems.add("the edit of " + path + " targets a file that does not exist; send it as a whole <file>");
            return;
        }
        int problemsBefore = problems.size();
        for (Block.Replacement r : edit.replacements()) {
            Elision.find(r.replace(), r.search()).ifPresent(line -> problems.add(elided(path, line)));
            switch (TextMatch.replace(content, r.search(), r.replace())) {
                case TextMatch.Replaced replaced -> content = replaced.content();
                case TextMatch.Ambiguous a ->
                    problems.add("in " + path + " the SEARCH text\n" + quote(r.search()) + "matches " + a.count()
                            + " places; include more surrounding lines so it matches exactly one");
                case TextMatch.NoMatch n ->
                    problems.add("in " + path + " the SEARCH text\n" + quote(r.search())
                            + "does not match the current file. The closest line is: `" + n.closestLine()
                            + "`. SEARCH must copy the current lines exactly (they are in the context above)");
            }
        }
        if (problems.size() == problemsBefore) {
            put(path, content, files, writes, deletions);
        }
    }

    private static void put(
            String path, String content, Map<String, String> files, Map<String, String> writes, Set<String> deletions) {
        files.put(path, content);
        writes.put(path, content);
        deletions.remove(path);
    }

    private static void checked(String raw, List<String> problems, java.util.function.Consumer<String> action) {
        ProjectPaths.problem(raw)
                .ifPresentOrElse(problems::add, () -> action.accept(ProjectPaths.normalise(raw.strip())));
    }

    private List<FileChange> changes(Map<String, String> writes, Set<String> deletions) {
        List<FileChange> changes = new ArrayList<>();
        writes.forEach((path, content) -> {
            String before = current.get(path);
            if (before == null) {
                changes.add(new FileChange(
                        path, FileChange.Kind.ADDED, (int) content.lines().count(), 0));
            } else if (!before.equals(content)) {
                int[] counts = LineCounts.diff(before, content);
                changes.add(new FileChange(path, FileChange.Kind.CHANGED, counts[0], counts[1]));
            }
        });
        deletions.forEach(path -> changes.add(new FileChange(path, FileChange.Kind.DELETED, 0, (int)
                current.get(path).lines().count())));
        return changes;
    }

    private static String elided(String path, String line) {
        return "in " + path + " the line `" + line + "` stands for code you left out; a placeholder would delete that "
                + "code. Write the complete file, or use a SEARCH/REPLACE edit for just the lines that change";
    }

    private static String quote(String text) {
        return "```\n" + text + (text.endsWith("\n") ? "" : "\n") + "```\n";
    }
}
