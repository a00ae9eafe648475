package dev.dropdeploy.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns a byte stream into lines of at most {@code maxBytes}. A longer line is passed on as soon as it reaches the cap,
 * ending with {@link #marker}, and the rest of it up to the next newline is dropped, so a line that never ends costs
 * {@code maxBytes} of memory and still shows. Not thread-safe: one splitter per stream.
 */
public final class LineSplitter {

    private final int maxBytes;
    private final Consumer<String> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean cut;

    public LineSplitter(int maxBytes, Consumer<String> sink) {
        this.maxBytes = maxBytes;
        this.sink = sink;
    }

    public void accept(byte[] bytes) {
        for (byte b : bytes) {
            accept(b);
        }
    }

    /** Passes on what is left of an unterminated line, for example a crash message printed without a newline. */
    public void flush() {
        if (!cut && line.size() > 0) {
            emit();
        }
        line.reset();
        cut = false;
    }

    /** Cuts a line that arrived whole (a message, a string from a JSON stream) to at most {@code maxChars}. */
    public static String cap(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + marker(maxChars);
    }

    /** What a cut line ends with, so a reader knows the line went on. */
    public static String marker(int max) {
        String size = max % 1024 == 0 ? (max / 1024) + " KiB" : max + " bytes";
        return " … [line cut at " + size + "]";
    }

    private void accept(byte b) {
        if (b == '\n') {
            if (!cut) {
                emit();
            }
            line.reset();
            cut = false;
        } else if (!cut) {
            line.write(b);
            if (line.size() >= maxBytes) {
                sink.accept(decodeWhole(line.toByteArray()) + marker(maxBytes));
                line.reset();
                cut = true;
            }
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        sink.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }

    /** Decodes without a trailing half character: the cut may fall inside a multi-byte UTF-8 sequence. */
    private static String decodeWhole(byte[] bytes) {
        int end = bytes.length;
        int start = end;
        while (start > 0 && start > end - 4 && (bytes[start - 1] & 0xC0) == 0x80) {
            start--;
        }
        if (start > 0 && (bytes[start - 1] & 0xC0) == 0xC0 && end - start + 1 < sequenceLength(bytes[start - 1])) {
            end = start - 1;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static int sequenceLength(byte lead) {
        if ((lead & 0xE0) == 0xC0) {
            return 2;
        }
        return (lead & 0xF0) == 0xE0 ? 3 : 4;
    }
}
