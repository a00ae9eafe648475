package dev.dropdeploy.detect.program;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** String, number and list literals as Python, JavaScript, Java and Go write them; anything else is not a literal. */
final class Literals {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?[lLfFdD]?");
    private static final Pattern PREFIX = Pattern.compile("^[rRuUbBfF]{0,2}(?=['\"])");

    private Literals() {}

    /** The index just past the string literal that starts at {@code start} (Python's triple quotes included). */
    static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), start);
        int i = start + (triple ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (triple ? text.startsWith(String.valueOf(quote).repeat(3), i) : c == quote) {
                return i + (triple ? 3 : 1);
            }
            if (c == '\n' && !triple && quote != '`') {
                return i;
            }
            i++;
        }
        return text.length();
    }

    /** The value of a plain string literal ({@code "a"}, {@code 'a'}, {@code `a`}, {@code """a"""}), else {@code null}. */
    static String string(String raw) {
        if (raw == null) {
            return null;
        }
        String s = PREFIX.matcher(raw.strip()).replaceFirst("");
        if (s.length() < 2) {
            return null;
        }
        char quote = s.charAt(0);
        if ((quote != '"' && quote != '\'' && quote != '`') || endOfString(s, 0) != s.length()) {
            return null;
        }
        boolean triple = s.length() >= 6 && s.startsWith(String.valueOf(quote).repeat(3));
        String body = triple ? s.substring(3, s.length() - 3) : s.substring(1, s.length() - 1);
        if (quote == '`' && body.contains("${")) {
            return null;
        }
        return unescape(body);
    }

    private static String unescape(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            out.append(
                    switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> next;
                    });
        }
        return out.toString();
    }

    /** A number, {@code True}/{@code true}/{@code False}/{@code false} or string literal as text, else {@code null}. */
    static String value(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (NUMBER.matcher(s).matches()) {
            return s.replaceAll("[lLfFdD]$", "");
        }
        return switch (s) {
            case "True", "true" -> "true";
            case "False", "false" -> "false";
            default -> string(s);
        };
    }

    /** The string literals of a list literal ({@code ["a", "b"]}, {@code ("a", "b")}), or none. */
    static List<String> strings(String raw) {
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        String s = raw.strip();
        int open = s.indexOf('[') >= 0 ? s.indexOf('[') : s.indexOf('(');
        if (open < 0) {
            return values;
        }
        CallArguments items = CallArguments.at(s, open);
        for (int i = 0; i < items.positional().size(); i++) {
            String value = Literals.value(items.positional().get(i));
            if (value == null) {
                return List.of();
            }
            values.add(value);
        }
        return values;
    }
}
