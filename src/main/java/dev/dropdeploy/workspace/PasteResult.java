package dev.dropdeploy.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a paste became.
 *
 * @param pasted the files found in the paste, by path, in paste order
 * @param added the files DropDeploy added to make it runnable, by path
 * @param recognised one line per pasted file saying where its name came from, and what was skipped and why
 * @param notes one plain sentence per addition: what and why
 * @param startCommand how the app will be started when DropDeploy decided it, else {@code null}
 */
public record PasteResult(
        Map<String, String> pasted,
        Map<String, String> added,
        List<String> recognised,
        List<String> notes,
        String startCommand) {

    /** Every file of the version: pasted, then added. */
    public Map<String, String> files() {
        Map<String, String> all = new LinkedHashMap<>(pasted);
        all.putAll(added);
        return Collections.unmodifiableMap(all);
    }

    /** Plain words for the user: what was recognised, then what was added. */
    public String summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Recognised " + count(pasted.size()) + ":");
        recognised.forEach(r -> lines.add("- " + r));
        if (!notes.isEmpty()) {
            lines.add("Added to make it run:");
            notes.forEach(a -> lines.add("- " + a));
        }
        return String.join("\n", lines);
    }

    String commitMessage() {
        return pasted.size() == 1 ? "Pasted " + pasted.keySet().iterator().next() : "Pasted " + count(pasted.size());
    }

    private static String count(int n) {
        return n == 1 ? "1 file" : n + " files";
    }
}
