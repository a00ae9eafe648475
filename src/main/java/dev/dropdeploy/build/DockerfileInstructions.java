package dev.dropdeploy.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile split into logical instructions the way the engine's parser does it: comments and blank lines
 * dropped, lines joined at the escape character (backslash, or backtick after an {@code # escape=} directive).
 * Policy checks read instructions, never raw lines, so a continuation or odd spelling cannot hide one.
 */
final class DockerfileInstructions {

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

    /** The instructions and the escape character the engine will use to read them. */
    record Parsed(List<Instruction> instructions, char escape) {

        /**
         * The Dockerfile the engine is given: one instruction per line, no continuations, no comments, only the escape
         * directive. So the engine reads exactly what the policy vetted, whatever parser differences remain.
         */
        String render() {
            StringBuilder out = new StringBuilder();
            if (escape != '\\') {
                out.append("# escape=").append(escape).append('\n');
            }
            for (Instruction instruction : instructions) {
                out.append(instruction.keyword());
                if (!instruction.arguments().isEmpty()) {
                    out.append(' ').append(instruction.arguments());
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    /** Every instruction the engine knows; anything else could be a line it reads as something other than this does. */
    private static final Set<String> KEYWORDS = Set.of(
            "FROM",
            "RUN",
            "CMD",
            "LABEL",
            "MAINTAINER",
            "EXPOSE",
            "ENV",
            "ADD",
            "COPY",
            "ENTRYPOINT",
            "VOLUME",
            "USER",
            "WORKDIR",
            "ARG",
            "ONBUILD",
            "STOPSIGNAL",
            "HEALTHCHECK",
            "SHELL");

    /** Control characters (a tab aside): Java and Go trim and split lines at different ones. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

    /**
     * Spaces at a line's end other than the plain one and the tab (a no-break space): Go trims them and Java does not,
     * so an escape character before one continues the line there only. Inside the text they are ordinary.
     */
    private static final Pattern UNUSUAL_SPACE_AT_END = Pattern.compile("[\\p{Z}&&[^ ]][\\p{Z}\\t]*$");

    private static final Pattern DIRECTIVE_LINE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");

    private DockerfileInstructions() {}

    /**
     * Why the engine might read this instruction differently from this parser, or empty. A line ending in the escape
     * character and then a vertical tab is one instruction here and joins the next line there (hiding a stage this
     * check counted); a non-breaking space before {@code # escape=} is an instruction here and a directive there.
     */
    static Optional<String> ambiguity(Instruction instruction, char escape) {
        if (!KEYWORDS.contains(instruction.keyword())) {
            return Optional.of("'" + printable(instruction.keyword()) + "' is not a Dockerfile instruction");
        }
        if (CONTROL.matcher(instruction.arguments()).find()) {
            return Optional.of("the line holds a control character, which the Docker engine may read differently");
        }
        if (UNUSUAL_SPACE_AT_END.matcher(instruction.arguments()).find()) {
            return Optional.of("the line ends with an unusual space (a no-break space, say), which the Docker engine"
                    + " may read differently; end it plainly");
        }
        if (instruction.arguments().replaceAll("[\\p{Z}\\t]+$", "").endsWith(String.valueOf(escape))) {
            return Optional.of("the line ends with the escape character " + escape
                    + " followed by something other than a line end");
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}\\p{Z}]", "?");
    }

    static List<Instruction> parse(String text) {
        return read(text).instructions();
    }

    /**
     * Reads lines as the classic builder's parser does: a leading BOM is dropped; parser directives only at the very
     * top, names in any case, ending at the first line that is not one; a line continues when the escape character is
     * followed only by spaces or tabs; blank and comment lines inside a continuation are skipped; a continued line is
     * appended as it is, without the escape character.
     */
    static Parsed read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\r?\n", -1);
        char escape = escapeCharacter(lines);
        Pattern continuation = Pattern.compile(Pattern.quote(String.valueOf(escape)) + "[ \t]*$");
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String leftTrimmed = line.stripLeading();
            if (leftTrimmed.isEmpty() || leftTrimmed.startsWith("#")) {
                continue; // outside an instruction and inside a continuation alike, the engine skips these
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
                line = leftTrimmed;
            }
            Matcher end = continuation.matcher(line);
            if (end.find()) {
                current.append(line, 0, end.start());
                continue;
            }
            current.append(line);
            instructions.add(instruction(current.toString(), start, i + 1));
            current = null;
        }
        if (current != null && !current.toString().isBlank()) {
            instructions.add(instruction(current.toString(), start, lines.length));
        }
        return new Parsed(List.copyOf(instructions), escape);
    }

    private static Instruction instruction(String text, int first, int last) {
        Matcher m = Pattern.compile("^(\\S+)\\s*(.*)$", Pattern.DOTALL).matcher(text.strip());
        if (!m.matches()) {
            return new Instruction(first, last, "", "");
        }
        return new Instruction(first, last, m.group(1).toUpperCase(Locale.ROOT), m.group(2));
    }

    /** Directives are read from the top until the first line that is not a known one. */
    private static char escapeCharacter(String[] lines) {
        char escape = '\\';
        for (String line : lines) {
            Matcher directive = DIRECTIVE_LINE.matcher(line);
            if (!directive.matches()) {
                break;
            }
            String name = directive.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("escape")) {
                String value = directive.group(2);
                if (value.length() == 1 && (value.equals("`") || value.equals("\\"))) {
                    escape = value.charAt(0);
                }
            } else if (!name.equals("syntax") && !name.equals("check")) {
                break;
            }
        }
        return escape;
    }
}
