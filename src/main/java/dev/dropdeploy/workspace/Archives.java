package dev.dropdeploy.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Unpacks an uploaded archive into an empty folder, defensively: entries escaping the folder or naming an absolute
 * path are refused, links are refused, and bytes are counted as they are written (not as headers claim), so a zip
 * bomb stops at the size limit. A single wrapper folder is unwrapped, and macOS metadata is dropped. Nothing is
 * written outside {@code target} except a spooled copy of a zip beside it, deleted before returning.
 */
final class Archives {

    private Archives() {}

    static void extract(InputStream in, ArchiveFormat format, Path target, long maxBytes, int maxFiles) {
        long written = 0;
        int files = 0;
        try (ArchiveEntries entries = ArchiveEntries.open(in, format, maxBytes, target.getParent())) {
            while (entries.next()) {
                String name = entries.name().replace('\\', '/');
                if (isJunk(name) || entries.isDirectory()) {
                    continue;
                }
                if (entries.isSpecial()) {
                    throw new WorkspaceException("The archive contains a link (" + name + "); links are not accepted");
                }
                if (++files > maxFiles) {
                    throw new WorkspaceException("The archive holds more than " + maxFiles + " files");
                }
                Path file = SourceTree.inside(target, name);
                Files.createDirectories(file.getParent());
                try (InputStream content = entries.content()) {
                    written += copyBounded(content, file, maxBytes - written);
                }
            }
        } catch (FileSystemException e) {
            throw new WorkspaceException("The archive's entries clash (a file and a folder share a name)", e);
        } catch (IOException e) {
            throw new WorkspaceException(
                    "This is not a readable " + describe(format) + " archive: " + e.getMessage(), e);
        }
        if (files == 0) {
            throw new WorkspaceException("The archive contains no files");
        }
        try {
            unwrapSingleFolder(target);
        } catch (IOException e) {
            throw new WorkspaceException("Could not unpack the archive: " + e.getMessage(), e);
        }
    }

    private static boolean isJunk(String name) {
        return name.startsWith("__MACOSX/") || name.endsWith(".DS_Store") || name.equals("./") || name.isEmpty();
    }

    /** @return bytes written; fails as soon as the remaining budget is exceeded */
    private static long copyBounded(InputStream in, Path file, long budget) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > budget) {
                    throw new WorkspaceException("The archive expands beyond the size limit; nothing was saved");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static void unwrapSingleFolder(Path target) throws IOException {
        List<Path> top;
        try (Stream<Path> list = Files.list(target)) {
            top = list.toList();
        }
        if (top.size() != 1 || !Files.isDirectory(top.getFirst())) {
            return;
        }
        Path wrapper = top.getFirst();
        Path temporary = target.resolve(".dropdeploy-unwrap-" + System.nanoTime());
        Files.move(wrapper, temporary);
        try (Stream<Path> inner = Files.list(temporary)) {
            for (Path child : (Iterable<Path>) inner::iterator) {
                Files.move(child, target.resolve(child.getFileName().toString()));
            }
        }
        Files.delete(temporary);
    }

    private static String describe(ArchiveFormat format) {
        return format == ArchiveFormat.ZIP ? "zip" : "tar.gz";
    }
}
