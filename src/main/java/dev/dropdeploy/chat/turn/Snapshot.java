package dev.dropdeploy.chat.turn;

import dev.dropdeploy.chat.protocol.Outcome;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A version's files in a private folder: the model reads them, the turn's edits are written over them, and the whole
 * folder becomes the next version in one commit. Edits therefore always start from the version the person sees live.
 */
final class Snapshot implements AutoCloseable {

    private static final long MAX_TEXT_FILE = 256 * 1024;

    private final UUID projectId;
    private final int base;
    private final Path folder;
    private final Map<String, String> texts = new TreeMap<>();
    private final Map<String, Long> sizes = new TreeMap<>();

    private Snapshot(UUID projectId, int base, Path folder) {
        this.projectId = projectId;
        this.base = base;
        this.folder = folder;
    }

    /** Version {@code base}'s files; 0 means an empty project. */
    static Snapshot of(Workspaces workspaces, UUID projectId, int base) {
        try {
            Path folder = Files.createTempDirectory("dropdeploy-turn-");
            if (base > 0) {
                workspaces.checkout(projectId, base, folder);
            }
            Snapshot snapshot = new Snapshot(projectId, base, folder);
            snapshot.read();
            return snapshot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int base() {
        return base;
    }

    /** Readable text files by relative path. */
    Map<String, String> texts() {
        return texts;
    }

    /** Every file with its size, text or not. */
    Map<String, Long> tree() {
        return sizes;
    }

    WorkspaceVersion commit(Workspaces workspaces, Outcome.Applied applied, String message) {
        try {
            for (String path : applied.deletions()) {
                Files.deleteIfExists(folder.resolve(path));
            }
            for (Map.Entry<String, String> write : applied.writes().entrySet()) {
                Path file = folder.resolve(write.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, write.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workspaces.commit(projectId, folder, message);
    }

    private void read() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                String path = folder.relativize(file).toString().replace('\\', '/');
                if (path.startsWith(".git/")) {
                    continue;
                }
                long size = Files.size(file);
                sizes.put(path, size);
                if (size <= MAX_TEXT_FILE) {
                    text(file).ifPresent(t -> texts.put(path, t));
                }
            }
        }
    }

    private static java.util.Optional<String> text(Path file) throws IOException {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString());
        } catch (CharacterCodingException binary) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temp folder is harmless; the turn's result matters more than tidying.
        }
    }
}
