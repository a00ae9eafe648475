package dev.dropdeploy.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * What changed between two versions, as a readable line diff per file. Not scoped to a user, like {@link
 * Workspaces}: callers check that the project is the user's first.
 */
@Service
public class VersionDiffs {

    private static final int MAX_LINES = 3000;

    private final Workspaces workspaces;

    VersionDiffs(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    /** What {@code version} changed against the one before it (everything, for version 1). */
    public String ofVersion(UUID projectId, int version) {
        return diff(version > 1 ? files(projectId, version - 1) : Map.of(), files(projectId, version));
    }

    /**
     * What changed from version {@code from} to version {@code to}.
     *
     * @throws WorkspaceException when either version does not exist
     */
    public String between(UUID projectId, int from, int to) {
        return diff(files(projectId, from), files(projectId, to));
    }

    static String diff(Map<String, String> before, Map<String, String> after) {
        StringBuilder out = new StringBuilder();
        for (String path : new TreeSet<>(union(before, after))) {
            String a = before.getOrDefault(path, "");
            String b = after.getOrDefault(path, "");
            if (!a.equals(b)) {
                out.append("=== ")
                        .append(path)
                        .append(before.containsKey(path) ? (after.containsKey(path) ? "" : " (deleted)") : " (added)")
                        .append('\n')
                        .append(lines(a.lines().toList(), b.lines().toList()))
                        .append('\n');
            }
        }
        return out.isEmpty() ? "No file changed." : out.toString();
    }

    /** A plain LCS diff; large files are summarised rather than compared line by line. */
    static String lines(List<String> a, List<String> b) {
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return "(large file: " + a.size() + " → " + b.size() + " lines)\n";
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.append("+ ").append(b.get(j++)).append('\n');
            } else {
                out.append("- ").append(a.get(i++)).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> all = new ArrayList<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private Map<String, String> files(UUID projectId, int version) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("dropdeploy-diff-");
            workspaces.checkout(projectId, version, folder);
            return read(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                JGitVersionStore.deleteRecursively(folder);
            }
        }
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                try {
                    files.put(folder.relativize(f).toString(), Files.readString(f));
                } catch (IOException binary) {
                    files.put(folder.relativize(f).toString(), "(binary file)");
                }
            }
        }
        return files;
    }
}
