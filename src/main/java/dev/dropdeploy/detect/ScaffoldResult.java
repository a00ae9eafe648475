package dev.dropdeploy.detect;

import java.util.List;
import java.util.Map;

/**
 * What {@link Scaffolder} added to a partial project.
 *
 * @param added new files by path; the caller's files are never changed
 * @param notes one plain-words sentence per addition: what and why, including what could not be known
 * @param startCommand how to start a single-file app, or {@code null} when detection decides it
 */
public record ScaffoldResult(Map<String, String> added, List<String> notes, String startCommand) {

    public boolean isEmpty() {
        return added.isEmpty() && startCommand == null;
    }
}
