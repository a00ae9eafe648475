package dev.dropdeploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random secret kept in a file of DropDeploy's data folder (the routing token, the registry password, the secrets
 * key): read when the file is there, else made once. The file is owner-only from its first byte, and it appears whole
 * or not at all, so a second DropDeploy starting at the same moment reads the same secret rather than half of one.
 */
public final class RandomSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {}

    /**
     * The secret in {@code file}, or a new one of {@code bytes} random bytes in {@code encoding}, written there.
     *
     * @param what the secret in words, for the error when the file can be neither read nor written
     */
    public static String readOrCreate(Path file, int bytes, Base64.Encoder encoding, String what) {
        try {
            if (!Files.isRegularFile(file)) {
                create(file, bytes, encoding);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " file " + file, e);
        }
    }

    private static void create(Path file, int bytes, Base64.Encoder encoding) throws IOException {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without owners (a mounted Windows folder): the folder's own protection is all there is.
        }
        Files.writeString(temp, encoding.encodeToString(random) + "\n", StandardCharsets.UTF_8);
        try {
            // Never over a file another process has just made: both then use the one that won.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // The other process's secret stands.
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            moveUnlessPresent(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Without hard links there is no "create unless present" in one step, and a rename replaces: a lock beside the file
     * makes checking and moving one step for every process (the JVM's monitor for its own threads, which file locks
     * do not separate).
     */
    static synchronized void moveUnlessPresent(Path temp, Path file) throws IOException {
        Path lock = file.resolveSibling("." + file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = lockOrNull(channel);
            try {
                if (!Files.exists(file)) {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                if (held != null) {
                    held.release();
                }
            }
        }
        // The lock file stays: deleting it would let a process that opened it before and one that makes it anew
        // each hold a lock of their own.
    }

    /** Some mounts without hard links have no locks either: there only this JVM's monitor orders the writers. */
    private static FileLock lockOrNull(FileChannel channel) {
        try {
            return channel.lock();
        } catch (IOException | UnsupportedOperationException noLocks) {
            return null;
        }
    }
}
