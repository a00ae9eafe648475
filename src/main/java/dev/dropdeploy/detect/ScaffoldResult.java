package dev.dropdeploy.detect;

import java.util.List;
import java.util.Map;

/**
 * What {@link Scaffolder} added to a partial project.
 *
 * @param changed pasted files repaired the way a person obviously would (a server made to listen on 0.0.0.0:$PORT),
 *     by path, each with a note; the caller's map itself is not modified
 * @param added new files by path
 * @param notes one plain-words sentence per addition: what and why, including what could not be known
 * @param startCommand how to start a single-file app, or {@code null} when detection decides it
 */
public record ScaffoldResult(
        Map<String, String> changed, Map<String, String> added, List<String> notes, String startCommand) {

    public boolean isEmpty() {
        return changed.isEmpty() && added.isEmpty() && startCommand == null;
    }
}
