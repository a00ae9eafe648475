package dev.dropdeploy.detect.node;

/**
 * JavaScript and TypeScript source with its comments blanked out, so a setting a config file shows only in a comment
 * ({@code // output: "export"}, "uncomment to build a static site") is not read as set. Comments become spaces and
 * line breaks stay, so line numbers still point at the file. Strings and template literals are kept as they are.
 */
final class JsComments {

    private JsComments() {}

    static String blank(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            char next = i + 1 < source.length() ? source.charAt(i + 1) : '\0';
            if (c == '\'' || c == '"' || c == '`') {
                i = copyString(source, i, out);
            } else if (c == '/' && next == '/') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", i + 2);
                int stop = end < 0 ? source.length() : end + 2;
                for (; i < stop; i++) {
                    out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Copies a string literal from its opening quote to its closing one (or the end), escapes included. */
    private static int copyString(String source, int start, StringBuilder out) {
        char quote = source.charAt(start);
        out.append(quote);
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            out.append(c);
            i++;
            if (c == '\\' && i < source.length()) {
                out.append(source.charAt(i));
                i++;
            } else if (c == quote || (c == '\n' && quote != '`')) {
                break;
            }
        }
        return i;
    }
}
