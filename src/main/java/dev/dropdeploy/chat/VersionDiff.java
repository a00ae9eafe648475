package dev.dropdeploy.chat;

import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/** What a version changed against the one before it, as a readable line diff per file. */
final class VersionDiff {

    private static final int MAX_LINES = 3000;

    private VersionDiff() {}

    static String of(Workspaces workspaces, UUID projectId, int version) {
        Map<String, String> before = version > 1 ? files(workspaces, projectId, version - 1) : Map.of();
        Map<String, String> after = files(workspaces, projectId, version);
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

    private static Map<String, String> files(Workspaces workspaces, UUID projectId, int version) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("dropdeploy-diff-");
            workspaces.checkout(projectId, version, folder);
            Map<String, String> files = new TreeMap<>();
            Path root = folder;
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    try {
                        files.put(root.relativize(f).toString(), Files.readString(f));
                    } catch (IOException binary) {
                        files.put(root.relativize(f).toString(), "(binary file)");
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder costs nothing that matters here.
        }
    }
}
