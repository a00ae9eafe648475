package dev.dropdeploy.workspace;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * An archive's entries, one at a time. A zip is read through its central directory (spooled to a temporary file,
 * bounded), because only the central directory says which entries are symbolic links: a streaming reader would write
 * a link as a regular file and hide that the upload held one.
 */
abstract class ArchiveEntries implements Closeable {

    abstract boolean next() throws IOException;

    abstract String name();

    abstract boolean isDirectory();

    /** Links, devices, anything but a regular file or folder. */
    abstract boolean isSpecial();

    abstract InputStream content() throws IOException;

    /** @param scratch where a zip is spooled (and deleted on close) */
    static ArchiveEntries open(InputStream in, ArchiveFormat format, long maxBytes, Path scratch) throws IOException {
        return switch (format) {
            case ZIP -> new Zip(in, maxBytes, scratch);
            case TAR_GZ -> new Tar(in);
        };
    }

    private static final class Zip extends ArchiveEntries {
        private final Path spool;
        private final ZipFile zip;
        private final Enumeration<ZipArchiveEntry> entries;
        private ZipArchiveEntry current;

        Zip(InputStream in, long maxBytes, Path scratch) throws IOException {
            spool = Files.createTempFile(scratch, "upload-", ".zip");
            try {
                copy(in, spool, maxBytes);
                zip = ZipFile.builder().setPath(spool).get();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(spool);
                throw e;
            }
            entries = zip.getEntriesInPhysicalOrder();
        }

        private static void copy(InputStream in, Path file, long maxBytes) throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if ((total += n) > maxBytes) {
                        throw new WorkspaceException(
                                "The upload is larger than the %d MB limit".formatted(maxBytes >> 20));
                    }
                    out.write(buffer, 0, n);
                }
            }
        }

        boolean next() {
            current = entries.hasMoreElements() ? entries.nextElement() : null;
            return current != null;
        }

        String name() {
            return current.getName();
        }

        boolean isDirectory() {
            return current.isDirectory();
        }

        boolean isSpecial() {
            return current.isUnixSymlink();
        }

        InputStream content() throws IOException {
            return zip.getInputStream(current);
        }

        public void close() throws IOException {
            try {
                zip.close();
            } finally {
                Files.deleteIfExists(spool);
            }
        }
    }

    private static final class Tar extends ArchiveEntries {
        private final TarArchiveInputStream tar;
        private TarArchiveEntry current;

        Tar(InputStream in) throws IOException {
            tar = new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(in)));
        }

        boolean next() throws IOException {
            current = tar.getNextEntry();
            return current != null;
        }

        String name() {
            return current.getName();
        }

        boolean isDirectory() {
            return current.isDirectory();
        }

        boolean isSpecial() {
            return current.isSymbolicLink() || current.isLink() || !current.isFile();
        }

        InputStream content() {
            return CloseShieldInputStream.wrap(tar); // ends at the entry's end; closing it must not close the archive
        }

        public void close() throws IOException {
            tar.close();
        }
    }
}
