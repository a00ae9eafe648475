package dev.dropdeploy.detect.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the scan saw, and lazy, cached, bounded access to the text of its files. */
public final class SourceTree {

    private final Path root;
    private final Map<String, SourceFile> files = new LinkedHashMap<>();
    private final List<String> skippedDirs;
    private final int symlinks;
    private final boolean truncated;
    private final ScanLimits limits;
    private final Map<String, Optional<String>> texts = new HashMap<>();

    SourceTree(
            Path root,
            List<SourceFile> files,
            List<String> skippedDirs,
            int symlinks,
            boolean truncated,
            ScanLimits limits) {
        this.root = root;
        files.forEach(f -> this.files.put(f.path(), f));
        this.skippedDirs = List.copyOf(skippedDirs);
        this.symlinks = symlinks;
        this.truncated = truncated;
        this.limits = limits;
    }

    public static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    public List<SourceFile> files() {
        return List.copyOf(files.values());
    }

    public List<String> skippedDirs() {
        return skippedDirs;
    }

    public int symlinks() {
        return symlinks;
    }

    public boolean truncated() {
        return truncated;
    }

    public boolean exists(String path) {
        return files.containsKey(path);
    }

    public Optional<SourceFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** Files directly in {@code dir}. */
    public List<SourceFile> filesIn(String dir) {
        return files.values().stream().filter(f -> f.directory().equals(dir)).toList();
    }

    /** Files in {@code dir} and below. */
    public List<SourceFile> filesUnder(String dir) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        return files.values().stream().filter(f -> f.path().startsWith(prefix)).toList();
    }

    /** Text of a file as UTF-8 with bad bytes replaced; empty when missing, too big or binary. */
    public Optional<String> text(String path) {
        return texts.computeIfAbsent(path, this::read);
    }

    public String textOrEmpty(String path) {
        return text(path).orElse("");
    }

    /** 1-based line of the first match of {@code regex} in the file, or 0. */
    public int lineOf(String path, String regex) {
        return lineOf(textOrEmpty(path), Pattern.compile(regex, Pattern.MULTILINE));
    }

    public static int lineOf(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        return m.find() ? lineAt(text, m.start()) : 0;
    }

    public static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * A file's text past the scan's read limit, up to {@code maxBytes}, and not cached: for the few files a decision
     * must read whole (a lockfile of a large project runs to megabytes).
     */
    public Optional<String> largeText(String path, long maxBytes) {
        SourceFile file = files.get(path);
        if (file == null || file.size() > maxBytes) {
            return Optional.empty();
        }
        return file.size() <= limits.maxReadBytes() ? text(path) : readFile(path);
    }

    private Optional<String> read(String path) {
        SourceFile file = files.get(path);
        if (file == null || file.size() > limits.maxReadBytes()) {
            return Optional.empty();
        }
        return readFile(path);
    }

    private Optional<String> readFile(String path) {
        Path p = root.resolve(path);
        try {
            if (Files.isSymbolicLink(p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(p);
            return looksBinary(bytes) ? Optional.empty() : Optional.of(decode(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
