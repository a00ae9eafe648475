package dev.dropdeploy.detect.program;

import dev.dropdeploy.detect.RunForm;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The run form of a program that does not serve HTTP, read from its code by the reader for its language. What no
 * reader understands still gets a form: a free arguments line and a standard-input box.
 */
public final class ProgramForms {

    private static final int MAX_FILES = 40;
    private static final Pattern PACKAGE_FIELD =
            Pattern.compile("\"(name|description)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ProgramForms() {}

    /**
     * @param directory the program's folder in the tree
     * @param entrypoint the report's entrypoint: a script relative to the folder, a Java main class or a Go package
     */
    public static RunForm read(SourceTree tree, Stack stack, String directory, String entrypoint) {
        return switch (stack) {
            case PYTHON -> script(tree, directory, entrypoint, "python", PythonProgram::read);
            case NODE -> node(tree, directory, entrypoint);
            case JAVA -> java(tree, directory, entrypoint);
            case GO -> go(tree, directory, entrypoint);
            case PHP -> script(tree, directory, entrypoint, "php", PhpProgram::read);
            default ->
                RunForm.askingForEverything(
                        entrypoint == null ? "program" : entrypoint,
                        stack.name().toLowerCase());
        };
    }

    private interface Reader {
        void read(String text, FormDraft draft);
    }

    private static RunForm script(
            SourceTree tree, String directory, String entrypoint, String language, Reader reader) {
        if (entrypoint == null) {
            return RunForm.askingForEverything("program", language);
        }
        String path = SourceTree.join(directory, entrypoint);
        if (!tree.exists(path)) {
            return RunForm.askingForEverything(entrypoint, language);
        }
        FormDraft draft = new FormDraft(language, entrypoint.substring(entrypoint.lastIndexOf('/') + 1));
        reader.read(tree.textOrEmpty(path), draft);
        return draft.form();
    }

    private static RunForm node(SourceTree tree, String directory, String entrypoint) {
        RunForm form = script(tree, directory, entrypoint, "node", NodeProgram::read);
        String manifest = tree.textOrEmpty(SourceTree.join(directory, "package.json"));
        Matcher field = PACKAGE_FIELD.matcher(manifest);
        String name = form.name();
        String summary = form.summary();
        while (field.find()) {
            if (field.group(1).equals("description") && summary.isEmpty()) {
                summary = field.group(2);
            } else if (field.group(1).equals("name") && !field.group(2).isBlank()) {
                name = field.group(2);
            }
        }
        return new RunForm(
                name,
                summary,
                form.language(),
                form.fields(),
                form.freeArguments(),
                form.stdin(),
                form.prompts(),
                form.upload(),
                form.autoRun());
    }

    private static RunForm java(SourceTree tree, String directory, String mainClass) {
        String simpleName = mainClass == null ? "Main" : mainClass.substring(mainClass.lastIndexOf('.') + 1);
        List<SourceFile> sources = tree.filesUnder(directory).stream()
                .filter(f -> f.path().endsWith(".java") && !f.path().contains("/test/"))
                .sorted(Comparator.comparing((SourceFile f) -> !f.name().equals(simpleName + ".java"))
                        .thenComparing(SourceFile::path))
                .limit(MAX_FILES)
                .toList();
        FormDraft draft = new FormDraft("java", simpleName);
        JavaProgram.read(texts(tree, sources), draft);
        return draft.form();
    }

    private static RunForm go(SourceTree tree, String directory, String pkg) {
        String folder =
                pkg == null || pkg.equals(".") ? directory : SourceTree.join(directory, pkg.replaceFirst("^\\./", ""));
        List<SourceFile> sources = tree.filesIn(folder).stream()
                .filter(f -> f.name().endsWith(".go") && !f.name().endsWith("_test.go"))
                .sorted(Comparator.comparing(SourceFile::path))
                .limit(MAX_FILES)
                .toList();
        String name = folder.isEmpty() ? "program" : folder.substring(folder.lastIndexOf('/') + 1);
        Matcher module = Pattern.compile("(?m)^module\\s+(\\S+)")
                .matcher(tree.textOrEmpty(SourceTree.join(directory, "go.mod")));
        if (folder.equals(directory) && module.find()) {
            name = module.group(1).substring(module.group(1).lastIndexOf('/') + 1);
        }
        FormDraft draft = new FormDraft("go", name);
        GoProgram.read(texts(tree, sources), draft);
        return draft.form();
    }

    private static String texts(SourceTree tree, List<SourceFile> files) {
        return files.stream().map(f -> tree.textOrEmpty(f.path())).collect(Collectors.joining("\n"));
    }
}
