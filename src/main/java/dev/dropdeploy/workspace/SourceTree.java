package dev.dropdeploy.workspace;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/** Copies a folder's regular files, never following links and never writing outside the target. */
final class SourceTree {

    // "C:/x" or "C:\\x" would be a folder named "C:" on Linux; it is an absolute path where it was made.
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:[/\\\\]");

    private SourceTree() {}

    /** Resolves a relative path inside {@code root}, refusing absolute paths, {@code ..} escapes and {@code .git}. */
    static Path inside(Path root, String relative) {
        Path normalisedRoot = root.toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = normalisedRoot.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new WorkspaceException("The path \"" + relative + "\" is not a valid file name");
        }
        if (relative.startsWith("/")
                || WINDOWS_ABSOLUTE.matcher(relative).find()
                || !resolved.startsWith(normalisedRoot)
                || resolved.equals(normalisedRoot)) {
            throw new WorkspaceException("The path \"" + relative + "\" points outside the project");
        }
        if (normalisedRoot.relativize(resolved).getName(0).toString().equals(".git")) {
            throw new WorkspaceException("The path \"" + relative + "\" is inside .git, which DropDeploy manages");
        }
        return resolved;
    }

    static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean isGit = dir.getFileName() != null
                        && dir.getFileName().toString().equals(".git")
                        && !dir.equals(source);
                return isGit ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Path to = inside(target, source.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
