package dev.dropdeploy.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a build context as a tar: the app folder minus what {@code .dockerignore} excludes and minus every secret
 * file ({@link SecretFiles}, also with the project's own Dockerfile), plus the generated Dockerfile,
 * {@code .dockerignore} and extra files (CA certificates). Links are never followed, so nothing outside the folder can
 * enter an image.
 */
final class BuildContext {

    private static final int NAMED_AT_MOST = 20;

    private BuildContext() {}

    /**
     * @return the secret files left out, each as {@code path (why)}, for the build log
     * @throws BuildFailure when the context would exceed {@code maxBytes}
     */
    static List<String> write(Path folder, GeneratedDockerfile dockerfile, long maxBytes, OutputStream out) {
        // No Dockerfile text means the project's own Dockerfile and .dockerignore are used as they are.
        GeneratedDockerfile generated = dockerfile == null || dockerfile.dockerfile() == null ? null : dockerfile;
        String ignoreText = generated != null ? generated.dockerignore() : readIgnoreFile(folder);
        DockerIgnore ignore = DockerIgnore.parse(ignoreText);
        long[] total = {0};
        List<String> leftOut = new ArrayList<>();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = folder.relativize(file);
                boolean generatedName = generated != null && isGeneratedName(relative);
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || generatedName
                        || ignore.excludes(relative)) {
                    continue;
                }
                Optional<String> secret = SecretFiles.reason(file);
                if (secret.isPresent()) {
                    leftOut.add(relative + " (" + secret.get() + ")");
                    continue;
                }
                total[0] += Files.size(file);
                checkSize(total[0], maxBytes);
                addFile(tar, file, relative.toString());
            }
            if (generated != null) {
                // The engine's layer cache ignores file times, so layers built from contexts whose times were 0 would
                // be reused with their bad output; this file's content changes whenever the time does.
                addText(tar, ".dropdeploy/file-time", FILE_TIME.toInstant() + "\n");
                addText(tar, "Dockerfile", generated.dockerfile());
                addText(tar, ".dockerignore", generated.dockerignore());
                for (Map.Entry<String, Path> extra :
                        generated.extraContextFiles().entrySet()) {
                    addFile(tar, extra.getValue(), extra.getKey());
                }
                for (Map.Entry<String, String> text :
                        generated.generatedContextFiles().entrySet()) {
                    addText(tar, text.getKey(), text.getValue());
                }
            }
            tar.finish();
            return List.copyOf(leftOut);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not send the files to the Docker engine", e);
        }
    }

    /** One build-log line naming what {@link #write} left out; a long list is shortened, never the whole tree. */
    static String leftOutNote(List<String> leftOut) {
        List<String> named = leftOut.subList(0, Math.min(NAMED_AT_MOST, leftOut.size()));
        String more = leftOut.size() > named.size() ? " and " + (leftOut.size() - named.size()) + " more" : "";
        return "Left out of the image: " + String.join(", ", named) + more;
    }

    private static boolean isGeneratedName(Path relative) {
        String name = relative.toString();
        return name.equals("Dockerfile") || name.equals(".dockerignore");
    }

    /** The folder's own {@code .dockerignore}, or nothing when it has none or it cannot be read. */
    static String readIgnoreFile(Path folder) {
        Path file = folder.resolve(".dockerignore");
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void checkSize(long bytes, long maxBytes) {
        if (bytes > maxBytes) {
            throw new BuildFailure(
                    "The files to build add up to more than %d MB; remove dependencies and build output (node_modules,"
                                    .formatted(maxBytes >> 20)
                            + " target, dist) or add them to .dockerignore",
                    null,
                    List.of());
        }
    }

    /**
     * One time for every file, so unchanged files keep the layer cache; not 0, because build tools take a missing
     * output's time as 0 and copy a source only when it is newer (Maven's resources plugin then left every template
     * out of a Spring Boot jar), and ZIP-based tools cannot store times before 1980.
     */
    static final java.util.Date FILE_TIME = java.util.Date.from(java.time.Instant.parse("2000-01-01T00:00:00Z"));

    private static void addFile(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setMode(Files.isExecutable(file) ? 0755 : 0644);
        entry.setModTime(FILE_TIME);
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    private static void addText(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0644);
        entry.setModTime(FILE_TIME);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
