package dev.dropdeploy.chat.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The SEARCH/REPLACE matching cascade: the exact text first, then line by line ignoring indentation and runs of
 * spaces (models re-indent). More than one match is never guessed at; it is reported so the model can add context.
 */
final class TextMatch {

    sealed interface Result {}

    record Replaced(String content) implements Result {}

    record NoMatch(String closestLine) implements Result {}

    record Ambiguous(int count) implements Result {}

    private TextMatch() {}

    static Result replace(String content, String search, String replacement) {
        if (search.isBlank()) {
            return content.isBlank() ? new Replaced(replacement) : new Ambiguous(2);
        }
        int first = content.indexOf(search);
        if (first < 0 && search.endsWith("\n") && replacement.endsWith("\n")) {
            // A SEARCH of part of one line: the parser ended it with a newline the file does not have there.
            String inLine = search.substring(0, search.length() - 1);
            if (!inLine.contains("\n") && content.contains(inLine)) {
                return replace(content, inLine, replacement.substring(0, replacement.length() - 1));
            }
        }
        if (first >= 0) {
            return content.indexOf(search, first + 1) >= 0
                    ? new Ambiguous(count(content, search))
                    : new Replaced(
                            content.substring(0, first) + replacement + content.substring(first + search.length()));
        }
        return loose(content, search, replacement);
    }

    private static Result loose(String content, String search, String replacement) {
        List<String> lines = content.lines().toList();
        List<String> wanted =
                search.lines().map(TextMatch::squash).filter(l -> !l.isEmpty()).toList();
        List<int[]> spans = new ArrayList<>();
        for (int start = 0; start < lines.size(); start++) {
            int end = matchFrom(lines, start, wanted);
            if (end >= 0) {
                spans.add(new int[] {start, end});
            }
        }
        if (spans.size() > 1) {
            return new Ambiguous(spans.size());
        }
        if (spans.isEmpty()) {
            return new NoMatch(closest(lines, wanted.isEmpty() ? "" : wanted.getFirst()));
        }
        StringBuilder out = new StringBuilder();
        lines.subList(0, spans.getFirst()[0]).forEach(l -> out.append(l).append('\n'));
        out.append(replacement);
        lines.subList(spans.getFirst()[1], lines.size())
                .forEach(l -> out.append(l).append('\n'));
        return new Replaced(out.toString());
    }

    /** Where the match starting at {@code start} ends (exclusive), skipping blank lines; -1 when it does not match. */
    private static int matchFrom(List<String> lines, int start, List<String> wanted) {
        if (squash(lines.get(start)).isEmpty()) {
            return -1;
        }
        int i = start;
        for (String want : wanted) {
            while (i < lines.size() && squash(lines.get(i)).isEmpty()) {
                i++;
            }
            if (i >= lines.size() || !squash(lines.get(i)).equals(want)) {
                return -1;
            }
            i++;
        }
        return i;
    }

    private static String closest(List<String> lines, String wanted) {
        String best = "";
        int bestScore = Integer.MAX_VALUE;
        for (String line : lines) {
            int score = distance(cap(squash(line)), cap(wanted));
            if (score < bestScore) {
                bestScore = score;
                best = line.strip();
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static String cap(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String squash(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    private static int count(String content, String search) {
        int n = 0;
        for (int i = content.indexOf(search); i >= 0; i = content.indexOf(search, i + 1)) {
            n++;
        }
        return n;
    }
}
