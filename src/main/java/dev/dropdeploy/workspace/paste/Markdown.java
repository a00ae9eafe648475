package dev.dropdeploy.workspace.paste;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits pasted chat text into fenced code blocks, each with the prose lines just above it (where chats name the
 * file). An unclosed fence runs to the end, because chat answers are often cut off mid-file.
 */
final class Markdown {

    private static final Pattern OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`]*?)\\s*$");

    private Markdown() {}

    /**
     * @param info the text after the opening fence, such as {@code python} or {@code js title="server.js"}
     * @param lead the non-blank prose lines between the previous block and this one, nearest first
     */
    record Block(String info, String content, List<String> lead) {}

    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = OPEN.matcher(lines[i]);
            if (!open.matches()) {
                if (!lines[i].isBlank()) {
                    prose.addFirst(lines[i].strip());
                }
                continue;
            }
            String fence = open.group(1);
            StringBuilder content = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length && !closes(lines[j], fence); j++) {
                content.append(lines[j]).append('\n');
            }
            blocks.add(new Block(open.group(2), content.toString(), List.copyOf(prose)));
            prose.clear();
            i = j;
        }
        return blocks;
    }

    private static boolean closes(String line, String fence) {
        String stripped = line.strip();
        return stripped.length() >= fence.length()
                && stripped.chars().allMatch(c -> c == fence.charAt(0))
                && line.indexOf(fence.charAt(0)) <= 3;
    }
}
