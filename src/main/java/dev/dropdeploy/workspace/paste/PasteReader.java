package dev.dropdeploy.workspace.paste;

import dev.dropdeploy.detect.ScaffoldResult;
import dev.dropdeploy.detect.Scaffolder;
import dev.dropdeploy.workspace.WorkspaceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns text pasted from an AI chat (or a lone snippet) into named files and says, per file, how it was recognised.
 * A name the chat gave wins over one inferred from content; when a name appears twice the later block is kept,
 * because chats repeat a file to correct it.
 */
public final class PasteReader {

    private static final Pattern COMMANDS_LANGUAGE =
            Pattern.compile("(?i)bash|sh|shell|console|zsh|powershell|ps1?|cmd|bat|terminal|text|txt|plaintext|output");
    private static final Pattern COMMAND_LINE = Pattern.compile(
            "^\\s*(?:\\$|>|#\\s*)?\\s*(?:npm|npx|yarn|pnpm|pip3?|python3?|node|cd|mkdir|touch|uvicorn|flask|curl|git)\\s.*");

    private PasteReader() {}

    /**
     * @param files paths to contents, in the order they were pasted
     * @param notes one line per file saying where its name came from, plus what was skipped and why, and what was
     *     repaired
     */
    public record Recognised(Map<String, String> files, List<String> notes) {}

    public static Recognised read(String pasted) {
        String text = normalized(pasted);
        if (text.isBlank()) {
            throw new WorkspaceException("The paste is empty");
        }
        List<Markdown.Block> blocks = Markdown.blocks(text);
        Recognised recognised = blocks.isEmpty() ? Unfenced.read(text) : fenced(blocks);
        if (recognised.files().isEmpty()) {
            throw new WorkspaceException("No code was found in the paste. " + String.join(" ", recognised.notes()));
        }
        List<String> notes = new ArrayList<>(recognised.notes());
        if (pasted.indexOf('\r') >= 0) {
            notes.add(
                    "Windows line endings (CRLF) were changed to plain newlines in every file, as Linux tools expect.");
        }
        return new Recognised(Repairs.apply(recognised.files(), Trees.paths(text), notes), List.copyOf(notes));
    }

    /** One kind of line ending (a lone CR too), no byte-order mark: the names and the code are read the same way. */
    private static String normalized(String pasted) {
        return pasted.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Only the fenced blocks a name is given for (in the fence, on the first line, or in the line above), none named
     * from content: what a chat answer that drifted from the tag protocol meant to write. Empty when none.
     */
    public static Map<String, String> namedBlocks(String answer) {
        String text = normalized(answer);
        Map<String, String> files = new LinkedHashMap<>();
        for (Markdown.Block block : Markdown.blocks(text)) {
            named(block).ifPresent(name -> files.put(name.path(), block.content()));
        }
        // The same repairs as a paste; the chat names the files it wrote, so the notes are not needed here.
        return Repairs.apply(files, Trees.paths(text), new ArrayList<>());
    }

    private static Recognised fenced(List<Markdown.Block> blocks) {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Markdown.Block> unnamed = new ArrayList<>();
        for (Markdown.Block block : blocks) {
            Optional<Name> named = named(block);
            if (named.isEmpty()) {
                unnamed.add(block);
                continue;
            }
            put(files, notes, named.get().path(), block.content(), named.get().source());
        }
        for (Markdown.Block block : unnamed) {
            placeUnnamed(block, files, notes);
        }
        return new Recognised(files, notes);
    }

    private record Name(String path, String source) {}

    private static Optional<Name> named(Markdown.Block block) {
        Optional<String> name = FileNames.fromInfo(block.info());
        if (name.isPresent()) {
            return name.map(n -> new Name(n, "named in the code fence"));
        }
        name = FileNames.fromFirstLine(block.content());
        if (name.isPresent()) {
            return name.map(n -> new Name(n, "named by the comment on its first line"));
        }
        for (String line : block.lead().subList(0, Math.min(2, block.lead().size()))) {
            name = FileNames.fromLead(line);
            if (name.isPresent()) {
                return name.map(n -> new Name(n, "named in the line above it: \"" + shorten(line) + "\""));
            }
        }
        return Optional.empty();
    }

    private static void placeUnnamed(Markdown.Block block, Map<String, String> files, List<String> notes) {
        String language = block.info().split("[\\s:{]+", 2)[0];
        if (block.content().isBlank()) {
            return;
        }
        if (!Trees.paths(block.content()).isEmpty()) {
            notes.add("Read the folder tree starting \"" + shorten(firstLine(block.content()))
                    + "\" to place the files; it is not a file itself.");
            return;
        }
        if (isCommands(language, block.content())) {
            notes.add("Skipped a block of commands (\"" + shorten(firstLine(block.content()))
                    + "\"): commands or output, not a file.");
            return;
        }
        Optional<Snippets.Guess> guess = Snippets.guess(language, block.content());
        if (guess.isEmpty()) {
            notes.add("Skipped an unnamed block starting \"" + shorten(firstLine(block.content()))
                    + "\": could not tell which file it is. Put its name on the line above it to include it.");
        } else if (files.containsKey(guess.get().path())) {
            notes.add("Skipped an unnamed block that looks like " + guess.get().reason() + ": "
                    + guess.get().path() + " is already in the paste.");
        } else {
            put(
                    files,
                    notes,
                    guess.get().path(),
                    block.content(),
                    "no name given; recognised as " + guess.get().reason());
        }
    }

    static void put(Map<String, String> files, List<String> notes, String path, String content, String source) {
        if (files.containsKey(path)) {
            notes.add(path + " appears more than once; the last version is kept.");
            files.remove(path);
        } else {
            notes.add(path + " (" + source + ")");
        }
        files.put(path, content);
    }

    private static boolean isCommands(String language, String content) {
        if (COMMANDS_LANGUAGE.matcher(language).matches()) {
            return true;
        }
        return content.lines()
                .filter(l -> !l.isBlank())
                .allMatch(l -> COMMAND_LINE.matcher(l).matches());
    }

    static String firstLine(String content) {
        return content.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }

    static String shorten(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    /**
     * @param changed pasted files the scaffolder repaired, by path (replacing the pasted text)
     * @param added files to add by path, in order
     * @param notes one plain sentence per addition
     * @param startCommand how to start a single-file app, or {@code null} when detection decides
     */
    public record Completion(
            Map<String, String> changed, Map<String, String> added, List<String> notes, String startCommand) {}

    /**
     * Adds what the pasted files need to run (a Next.js project around Next pages, else a Vite project around a lone
     * component; then the scaffolder's files) and the repairs of pasted code (the scaffolds' and the scaffolder's).
     */
    public static Completion complete(Map<String, String> files) {
        List<String> notes = new ArrayList<>();
        Map<String, String> repaired = new LinkedHashMap<>();
        Map<String, String> next = NextScaffold.complete(files, repaired, notes);
        Map<String, String> added = new LinkedHashMap<>(next.isEmpty() ? ViteScaffold.complete(files, notes) : next);
        Map<String, String> all = new LinkedHashMap<>(files);
        all.putAll(repaired);
        all.putAll(added);
        ScaffoldResult scaffold = new Scaffolder().complete(all);
        added.putAll(scaffold.added());
        notes.addAll(scaffold.notes());
        String start = scaffold.startCommand();
        if (start != null && !all.containsKey("Procfile") && !added.containsKey("Procfile")) {
            added.put("Procfile", "web: " + start + "\n");
            notes.add("Added a Procfile with that start command, so the app is started the same way every time.");
        }
        repaired.putAll(scaffold.changed());
        return new Completion(
                Collections.unmodifiableMap(repaired), Collections.unmodifiableMap(added), List.copyOf(notes), start);
    }
}
