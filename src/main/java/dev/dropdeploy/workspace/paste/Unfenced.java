package dev.dropdeploy.workspace.paste;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A paste without Markdown fences: either one snippet, or several files each opened by a comment naming it (the way
 * some tools concatenate a project). Splitting happens only when the paste starts with such a comment, so a comment
 * like {@code # utils.py} in the middle of one file does not cut it in two.
 */
final class Unfenced {

    private Unfenced() {}

    static PasteReader.Recognised read(String text) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (FileNames.fromFirstLine(text).isPresent()) {
            splitAtNamingComments(text, files, notes);
            return new PasteReader.Recognised(files, notes);
        }
        Optional<Snippets.Guess> guess = Snippets.guess("", text);
        if (guess.isEmpty()) {
            notes.add("Could not tell what kind of code this is; put the file name in a comment on its first line,"
                    + " such as // file: server.js, or paste the chat's answer with its code blocks.");
        } else {
            PasteReader.put(
                    files,
                    notes,
                    guess.get().path(),
                    text.strip() + "\n",
                    "recognised as " + guess.get().reason());
        }
        return new PasteReader.Recognised(files, notes);
    }

    private static void splitAtNamingComments(String text, Map<String, String> files, List<String> notes) {
        String path = null;
        StringBuilder content = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Optional<String> name = FileNames.fromFirstLine(line);
            if (name.isPresent()) {
                add(files, notes, path, content);
                path = name.get();
                content.setLength(0);
            }
            content.append(line).append('\n');
        }
        add(files, notes, path, content);
    }

    private static void add(Map<String, String> files, List<String> notes, String path, StringBuilder content) {
        if (path != null) {
            PasteReader.put(
                    files, notes, path, content.toString().strip() + "\n", "named by the comment on its first line");
        }
    }
}
