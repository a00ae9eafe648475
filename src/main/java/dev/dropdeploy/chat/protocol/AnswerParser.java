package dev.dropdeploy.chat.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an answer as it streams. Text outside tags goes to the text listener at once; a tag reaches the block
 * listener only when it has closed, so a half-written file is never seen by anyone. Models drift from the format in
 * long answers, so the parser forgives spaces inside tags, any attribute quoting, upper case and Markdown fences
 * around tags or around a file's body.
 */
public final class AnswerParser {

    private static final Pattern OPEN =
            Pattern.compile("<\\s*(file|edit|delete|summary|attach)\\b([^<>]*?)(/?)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRAY_CLOSE =
            Pattern.compile("<\\s*/\\s*(delete|file|edit|summary|attach)\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE_LINE = Pattern.compile("^\\s*```[\\w+.-]*\\s*$");
    /** A tag start this far from the end may still be completed by the next chunk. */
    private static final int HOLD_BACK = 300;

    private final StringBuilder buffer = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private final List<Block> blocks = new ArrayList<>();
    private final Consumer<String> onText;
    private final Consumer<Block> onBlock;
    private String openTag;
    private String openAttributes;
    /** The last chunk ended with CR: its LF may start the next chunk. */
    private boolean carriageReturn;

    public AnswerParser() {
        this(t -> {}, b -> {});
    }

    public AnswerParser(Consumer<String> onText, Consumer<Block> onBlock) {
        this.onText = onText;
        this.onBlock = onBlock;
    }

    public void feed(String chunk) {
        buffer.append(withLf(chunk));
        boolean progressed = true;
        while (progressed) {
            progressed = openTag == null ? readText(false) : readBody();
        }
    }

    /** Ends the answer: what is left is text, or the tag that never closed. */
    public Answer finish() {
        if (carriageReturn) {
            carriageReturn = false;
            buffer.append('\n');
        }
        if (openTag == null) {
            readText(true);
        }
        String unclosed = openTag == null ? null : openTag + Tags.describe(openAttributes);
        return new Answer(text.toString().strip(), List.copyOf(blocks), unclosed);
    }

    /**
     * Windows line endings (and lone CRs) become LF, also when CR and LF arrive in different chunks: a CR would
     * otherwise end up in every file written, in the file names, and keep the fences from being recognised.
     */
    private String withLf(String chunk) {
        String text = (carriageReturn ? "\r" : "") + chunk;
        carriageReturn = text.endsWith("\r");
        if (carriageReturn) {
            text = text.substring(0, text.length() - 1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private boolean readText(boolean end) {
        Matcher open = OPEN.matcher(buffer);
        if (open.find()) {
            emitText(buffer.substring(0, open.start()), true);
            String tag = open.group(1).toLowerCase(Locale.ROOT);
            String attributes = open.group(2);
            boolean selfClosing = tag.equals("delete")
                    || tag.equals("attach")
                    || !open.group(3).isEmpty();
            buffer.delete(0, open.end());
            if (selfClosing) {
                block(Tags.block(tag, attributes, ""));
            } else {
                openTag = tag;
                openAttributes = attributes;
            }
            return true;
        }
        int safe = end ? buffer.length() : safeTextEnd();
        if (safe > 0) {
            emitText(buffer.substring(0, safe), end);
            buffer.delete(0, safe);
        }
        return false;
    }

    private int safeTextEnd() {
        int lt = buffer.lastIndexOf("<");
        int end = lt >= 0 && buffer.indexOf(">", lt) < 0 && buffer.length() - lt < HOLD_BACK ? lt : buffer.length();
        // Hold an unfinished line back when it may be a Markdown fence, so fences never reach the chat.
        int lineStart = buffer.lastIndexOf("\n", end - 1) + 1;
        return buffer.substring(lineStart, end).strip().startsWith("`") ? lineStart : end;
    }

    private boolean readBody() {
        Matcher close = Pattern.compile("<\\s*/\\s*" + openTag + "\\s*>", Pattern.CASE_INSENSITIVE)
                .matcher(buffer);
        if (!close.find()) {
            return false;
        }
        String body = buffer.substring(0, close.start());
        buffer.delete(0, close.end());
        block(Tags.block(openTag, openAttributes, body));
        openTag = null;
        openAttributes = null;
        return true;
    }

    private void block(Block block) {
        blocks.add(block);
        onBlock.accept(block);
    }

    private void emitText(String raw, boolean lineEnds) {
        String cleaned = STRAY_CLOSE.matcher(raw).replaceAll("");
        StringBuilder kept = new StringBuilder();
        for (String line : cleaned.split("(?<=\n)", -1)) {
            if (!FENCE_LINE.matcher(line).matches() || (!lineEnds && !line.endsWith("\n"))) {
                kept.append(line);
            }
        }
        if (!kept.isEmpty()) {
            text.append(kept);
            onText.accept(kept.toString());
        }
    }
}
