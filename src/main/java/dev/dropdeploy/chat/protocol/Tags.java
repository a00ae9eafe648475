package dev.dropdeploy.chat.protocol;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a closed tag into a {@link Block}. */
final class Tags {

    private static final Pattern PATH =
            Pattern.compile("path\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'/>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern KIND =
            Pattern.compile("kind\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'/>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPENING_FENCE = Pattern.compile("\\A\\s*```[\\w+.-]*[ \\t]*\\n");
    private static final Pattern CLOSING_FENCE = Pattern.compile("\\n[ \\t]*```[ \\t]*\\s*\\z");

    private Tags() {}

    static Block block(String tag, String attributes, String body) {
        if (tag.equals("summary")) {
            return new Block.Summary(body.strip());
        }
        if (tag.equals("attach")) {
            String kind = attribute(KIND, attributes);
            return kind == null
                    ? new Block.Malformed(tag, "the <attach> tag has no kind=\"...\" attribute")
                    : new Block.Attach(kind.toLowerCase(Locale.ROOT));
        }
        String path = path(attributes);
        if (path == null) {
            return new Block.Malformed(tag, "the <" + tag + "> tag has no path=\"...\" attribute");
        }
        return switch (tag.toLowerCase(Locale.ROOT)) {
            case "file" -> new Block.FileWrite(path, fileBody(body));
            case "edit" -> edit(path, unfence(body));
            default -> new Block.FileDelete(path);
        };
    }

    static String describe(String attributes) {
        String path = path(attributes);
        return path == null ? "" : " " + path;
    }

    private static Block edit(String path, String body) {
        try {
            List<Block.Replacement> replacements = SearchReplaceBlocks.parse(body);
            return new Block.FileEdit(path, replacements);
        } catch (IllegalArgumentException e) {
            return new Block.Malformed("edit", "the edit of " + path + " " + e.getMessage());
        }
    }

    private static String path(String attributes) {
        return attribute(PATH, attributes);
    }

    private static String attribute(Pattern pattern, String attributes) {
        if (attributes == null) {
            return null;
        }
        Matcher m = pattern.matcher(attributes);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return value.strip().isEmpty() ? null : value.strip();
    }

    /** The file as written: no wrapping fence, no blank first line, exactly one newline at the end. */
    static String fileBody(String body) {
        String content = unfence(body);
        content = content.replaceFirst("\\A[ \\t]*\\r?\\n", "");
        content = content.replaceFirst("\\s+\\z", "");
        return content.isEmpty() ? "" : content + "\n";
    }

    private static String unfence(String body) {
        Matcher open = OPENING_FENCE.matcher(body);
        Matcher close = CLOSING_FENCE.matcher(body);
        if (open.find() && close.find() && close.start() >= open.end() - 1) {
            return body.substring(open.end(), Math.max(open.end(), close.start())) + "\n";
        }
        return body;
    }
}
