package dev.dropdeploy.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile split into logical instructions the way the engine's parser does it: comments and blank lines
 * dropped, lines joined at the escape character (backslash, or backtick after an {@code # escape=} directive).
 * Policy checks read instructions, never raw lines, so a continuation or odd spelling cannot hide one.
 */
final class DockerfileInstructions {

    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*[a-zA-Z]+\\s*=.*$");

    /**
     * One instruction.
     *
     * @param firstLine 1-based line where it starts
     * @param lastLine 1-based line where it ends (continuations included)
     * @param keyword the instruction, upper case ({@code FROM}, {@code COPY}, ...)
     * @param arguments everything after the keyword, continuations joined by a space
     */
    record Instruction(int firstLine, int lastLine, String keyword, String arguments) {

        /** The leading {@code --flag} or {@code --flag=value} words. */
        List<String> flags() {
            List<String> flags = new ArrayList<>();
            for (String word : arguments.strip().split("\\s+")) {
                if (!word.startsWith("--")) {
                    break;
                }
                flags.add(word);
            }
            return flags;
        }

        /** The words after the flags. */
        List<String> words() {
            String[] all = arguments.strip().split("\\s+");
            int skip = flags().size();
            List<String> words = new ArrayList<>();
            for (int i = skip; i < all.length; i++) {
                if (!all[i].isEmpty()) {
                    words.add(all[i]);
                }
            }
            return words;
        }

        String location() {
            return "line " + firstLine;
        }
    }

    private DockerfileInstructions() {}

    static List<Instruction> parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        char escape = escapeCharacter(lines);
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (current == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (current != null && trimmed.startsWith("#")) {
                continue; // comment lines inside a continued instruction are skipped by the engine too
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            boolean continues = endsWithEscape(line, escape);
            String body = continues ? stripEscape(line, escape) : line;
            current.append(current.isEmpty() ? body.strip() : " " + body.strip());
            if (!continues) {
                instructions.add(instruction(current.toString(), start, i + 1));
                current = null;
            }
        }
        if (current != null && !current.isEmpty()) {
            instructions.add(instruction(current.toString(), start, lines.length));
        }
        return instructions;
    }

    private static Instruction instruction(String text, int first, int last) {
        Matcher m = Pattern.compile("^(\\S+)\\s*(.*)$", Pattern.DOTALL).matcher(text);
        if (!m.matches()) {
            return new Instruction(first, last, "", "");
        }
        return new Instruction(first, last, m.group(1).toUpperCase(Locale.ROOT), m.group(2));
    }

    /** Parser directives are only honoured before the first instruction or comment that is not one. */
    private static char escapeCharacter(String[] lines) {
        for (String line : lines) {
            String trimmed = line.strip();
            Matcher escape = ESCAPE_DIRECTIVE.matcher(trimmed);
            if (escape.matches()) {
                return escape.group(1).charAt(0);
            }
            if (!DIRECTIVE.matcher(trimmed).matches()) {
                break;
            }
        }
        return '\\';
    }

    private static boolean endsWithEscape(String line, char escape) {
        String stripped = line.stripTrailing();
        return !stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape;
    }

    private static String stripEscape(String line, char escape) {
        String stripped = line.stripTrailing();
        return stripped.substring(0, stripped.lastIndexOf(escape));
    }
}
