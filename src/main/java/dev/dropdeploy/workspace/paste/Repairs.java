package dev.dropdeploy.workspace.paste;

import dev.dropdeploy.detect.Scaffolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person would obviously fix in a paste before running it, each fix with a note: a comment line in a JSON
 * file (npm refuses package.json with one), a file named only by its bare name where the answer's folder tree puts it
 * in a folder, Java sources beside a Maven or Gradle build (or Spring code that will get one) moved to {@code
 * src/main/java} (in package {@code app} when they had none), and React code in {@code
 * .js} files renamed {@code .jsx} when the paste brings no build of its own (imports without an extension still
 * resolve). Code changes that depend
 * on the stack (a server's listen address) belong to the scaffolder, next to the rules they mirror.
 */
final class Repairs {

    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*(?://|#).*$");
    // JSON files whose readers accept comments (TypeScript, VS Code), so their comments are the author's.
    private static final Pattern COMMENTS_ALLOWED =
            Pattern.compile("(?:^|/)(?:[tj]sconfig[\\w.-]*|\\.vscode/.*)\\.json$");
    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");
    private static final Pattern REACT_IMPORT =
            Pattern.compile("(?m)^\\s*import\\s.*\\sfrom\\s+['\"]react(?:-dom(?:/client)?)?['\"]");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");
    private static final Pattern JSX =
            Pattern.compile("\\breturn\\s*\\(?\\s*<[A-Za-z>]|render\\(\\s*<|=>\\s*\\(?\\s*<[A-Za-z>]");

    private Repairs() {}

    /** @return the files after the repairs, in the same order; one note per repair is added to {@code notes} */
    static Map<String, String> apply(Map<String, String> files, Set<String> tree, List<String> notes) {
        Map<String, String> repaired = new LinkedHashMap<>();
        // Spring code that comes without a build gets a Maven one from the scaffolder: its sources go where Maven
        // looks.
        boolean springWithoutBuild = BUILD_FILES.stream().noneMatch(files::containsKey)
                && files.entrySet().stream()
                        .anyMatch(f -> f.getKey().endsWith(".java") && Scaffolder.isSpringCode(f.getValue()));
        boolean javaBuild = springWithoutBuild || BUILD_FILES.stream().anyMatch(files::containsKey);
        boolean ownBuild = files.containsKey("package.json");
        for (var file : files.entrySet()) {
            String path = placed(file.getKey(), tree, files, notes);
            if (!ownBuild && isReactJs(path, file.getValue()) && !files.containsKey(path + "x")) {
                notes.add(path + " renamed " + path + "x: it holds JSX, which Vite reads only from .jsx files.");
                path = path + "x";
            }
            String content = file.getValue();
            if (springWithoutBuild
                    && path.endsWith(".java")
                    && !JAVA_PACKAGE.matcher(content).find()) {
                // Spring Boot refuses to scan the default package (it would scan every library on the class path).
                notes.add(
                        path + ": put in package app, because Spring Boot cannot scan classes in the default package.");
                content = "package app;\n\n" + content;
                path = "app/" + path.substring(path.lastIndexOf('/') + 1);
            }
            if (javaBuild && path.endsWith(".java") && !path.startsWith("src/")) {
                notes.add(path + " moved to src/main/java/" + path + ", where the build looks for sources.");
                path = "src/main/java/" + path;
            }
            repaired.put(path, json(path, content, notes));
        }
        return repaired;
    }

    /** Create React App's habit: JSX in .js files, which only its own build accepts. */
    private static boolean isReactJs(String path, String content) {
        return path.endsWith(".js")
                && REACT_IMPORT.matcher(content).find()
                && JSX.matcher(content).find();
    }

    /** A file named by its bare name goes where the one folder tree entry ending in that name puts it. */
    private static String placed(String path, Set<String> tree, Map<String, String> files, List<String> notes) {
        if (tree.contains(path)) {
            return path;
        }
        List<String> matches = tree.stream().filter(t -> t.endsWith("/" + path)).toList();
        if (matches.size() != 1 || files.containsKey(matches.getFirst())) {
            return path;
        }
        notes.add(path + " placed at " + matches.getFirst() + ", where the folder tree in the answer puts it.");
        return matches.getFirst();
    }

    private static String json(String path, String content, List<String> notes) {
        if (!path.endsWith(".json") || COMMENTS_ALLOWED.matcher(path).find()) {
            return content;
        }
        List<String> comments =
                content.lines().filter(l -> COMMENT_LINE.matcher(l).matches()).toList();
        if (comments.isEmpty()) {
            return content;
        }
        notes.add(path + ": removed the comment line" + (comments.size() == 1 ? "" : "s") + " "
                + comments.stream()
                        .map(c -> "\"" + PasteReader.shorten(c.strip()) + "\"")
                        .collect(Collectors.joining(", "))
                + ", because JSON allows no comments and the tools reading it would fail.");
        return content.lines().filter(l -> !COMMENT_LINE.matcher(l).matches()).collect(Collectors.joining("\n")) + "\n";
    }
}
