package dev.dropdeploy.detect.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one call in source text ({@code add_argument("--rate", type=float, default=5)}), split at the
 * commas of its own level: strings, brackets and nested calls are skipped over, so a comma inside them does not cut.
 * Good enough for Python, JavaScript, Java and Go calls; never evaluates anything.
 *
 * @param positional the arguments without a name, as written
 * @param named Python's keyword arguments ({@code default=5}) by name, as written
 */
record CallArguments(List<String> positional, Map<String, String> named) {

    private static final int MAX_LENGTH = 4_000;

    /** The arguments of the call whose opening parenthesis is at {@code open}, or none when it never closes. */
    static CallArguments at(String text, int open) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        int end = Math.min(text.length(), open + MAX_LENGTH);
        for (int i = open; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = Literals.endOfString(text, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    parts.add(text.substring(start, i));
                    return of(parts);
                }
            } else if (c == ',' && depth == 1) {
                parts.add(text.substring(start, i));
                start = i + 1;
            } else if (c == '#' && depth > 0 && lineComment(text, i)) {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? end : newline;
            }
        }
        return new CallArguments(List.of(), new LinkedHashMap<>());
    }

    private static boolean lineComment(String text, int i) {
        return i == 0 || Character.isWhitespace(text.charAt(i - 1));
    }

    private static CallArguments of(List<String> parts) {
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        for (String raw : parts) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            int equals = keywordEquals(part);
            if (equals > 0) {
                named.put(
                        part.substring(0, equals).strip(),
                        part.substring(equals + 1).strip());
            } else {
                positional.add(part);
            }
        }
        return new CallArguments(positional, named);
    }

    /** The {@code =} of {@code name=value}, not of {@code ==} or one inside a string. */
    private static int keywordEquals(String part) {
        int i = 0;
        while (i < part.length() && (Character.isLetterOrDigit(part.charAt(i)) || part.charAt(i) == '_')) {
            i++;
        }
        int equals = i;
        while (equals < part.length() && part.charAt(equals) == ' ') {
            equals++;
        }
        boolean keyword = i > 0
                && equals < part.length()
                && part.charAt(equals) == '='
                && (equals + 1 >= part.length() || part.charAt(equals + 1) != '=');
        return keyword ? equals : -1;
    }

    /** The positional argument at {@code index} as a string literal, or {@code null}. */
    String string(int index) {
        return index < positional.size() ? Literals.string(positional.get(index)) : null;
    }

    String named(String name) {
        return named.get(name);
    }
}
