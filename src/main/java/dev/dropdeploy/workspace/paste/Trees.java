package dev.dropdeploy.workspace.paste;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folder trees that chats draw in prose or in a plain block to say where each file goes: box-drawing lines ({@code
 * ├── public/}) or nested Markdown lists ({@code - public/} then {@code   - index.html}). A tree's single top folder
 * is the project itself and is dropped.
 */
final class Trees {

    private static final Pattern BOX = Pattern.compile("[├└│]|^\\s*[|`]--");
    private static final Pattern BOX_ENTRY =
            Pattern.compile("^((?:[\\s│|]|\\u00a0)*)(?:[├└|`][─—-]+\\s*)?([^\\s│├└#<(]+)");
    private static final Pattern LIST_ENTRY = Pattern.compile("^(\\s*)[-*+]\\s+[`*]*([\\w.@+~-][\\w.@+~/-]*)[`*]*");

    private static final Pattern SAFE_NAME = Pattern.compile("(?!.*(?:^|/)\\.\\.?(?:/|$))[\\w.@+~-][\\w.@+~/-]*");

    private Trees() {}

    record Entry(int column, String name) {}

    /** Every file path the text's trees show, in order; empty when there is no tree. */
    static Set<String> paths(String text) {
        Set<String> paths = new LinkedHashSet<>();
        List<String> lines = text.lines().toList();
        List<Entry> tree = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher list = LIST_ENTRY.matcher(line);
            if (BOX.matcher(line).find()) {
                if (tree.isEmpty() && i > 0 && looksLikeRoot(lines.get(i - 1))) {
                    tree.add(new Entry(0, lines.get(i - 1).strip()));
                }
                Matcher box = BOX_ENTRY.matcher(line);
                if (box.find() && !box.group(2).isBlank()) {
                    tree.add(new Entry(box.start(2), box.group(2)));
                }
            } else if (list.find() && (list.group(2).endsWith("/") || FileNames.looksLikeFile(list.group(2)))) {
                tree.add(new Entry(list.group(1).length(), list.group(2)));
            } else if (!line.isBlank() || tree.isEmpty()) {
                paths.addAll(files(tree));
                tree.clear();
            }
        }
        paths.addAll(files(tree));
        return paths;
    }

    private static boolean looksLikeRoot(String line) {
        return line.strip().matches("[\\w.@+~-]+/?");
    }

    /** A nested list is a tree only when something is nested; a flat list of names says nothing about folders. */
    private static List<String> files(List<Entry> entries) {
        if (entries.stream().map(Entry::column).distinct().count() < 2) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        List<Entry> open = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (!SAFE_NAME.matcher(e.name()).matches()) {
                // A drawn ".." or absolute folder would place a file outside the project: the tree is not used.
                return List.of();
            }
            while (!open.isEmpty() && open.getLast().column() >= e.column()) {
                open.removeLast();
            }
            boolean folder = e.name().endsWith("/")
                    || (i + 1 < entries.size() && entries.get(i + 1).column() > e.column());
            if (folder) {
                open.add(e);
            } else if (FileNames.looksLikeFile(e.name())) {
                StringBuilder path = new StringBuilder();
                open.forEach(d -> path.append(d.name().replaceFirst("/$", "")).append('/'));
                files.add(path.append(e.name()).toString());
            }
        }
        return withoutProjectFolder(files, entries);
    }

    private static List<String> withoutProjectFolder(List<String> files, List<Entry> entries) {
        int top = entries.stream().mapToInt(Entry::column).min().orElse(0);
        long topLevel = entries.stream().filter(e -> e.column() == top).count();
        if (topLevel != 1 || files.stream().anyMatch(f -> !f.contains("/"))) {
            return files;
        }
        return files.stream().map(f -> f.substring(f.indexOf('/') + 1)).toList();
    }
}
