package dev.dropdeploy.detect.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Walks a tree once, within {@link ScanLimits}, without following symlinks. */
public final class TreeScanner {

    /** Dependency, VCS and tool folders: never source, often huge, and a sign the upload carries too much. */
    static final Set<String> SKIPPED_DIRS = Set.of(
            "node_modules",
            ".git",
            ".hg",
            ".svn",
            "target",
            ".venv",
            "venv",
            "__pycache__",
            ".next",
            ".nuxt",
            ".gradle",
            ".idea",
            ".vscode",
            ".pytest_cache",
            ".mypy_cache",
            ".angular",
            ".svelte-kit",
            "coverage",
            ".tox",
            ".cache",
            "__MACOSX");

    /** Build output: skipped only next to a {@code package.json}, since a static site may ship its files there. */
    static final Set<String> BUILD_OUTPUT_DIRS = Set.of("dist", "build", "out");

    private final ScanLimits limits;

    public TreeScanner(ScanLimits limits) {
        this.limits = limits;
    }

    public SourceTree scan(Path root) {
        Path base = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            return new SourceTree(base, List.of(), List.of(), 0, false, limits);
        }
        Walker walker = new Walker(base);
        try {
            Files.walkFileTree(base, Set.of(), limits.maxDepth(), walker);
        } catch (IOException e) {
            // An unreadable corner of the tree is reported by what is missing, not by failing detection.
        }
        return new SourceTree(base, walker.files, walker.skippedDirs, walker.symlinks, walker.truncated, limits);
    }

    private final class Walker extends SimpleFileVisitor<Path> {
        private final Path base;
        final List<SourceFile> files = new ArrayList<>();
        final List<String> skippedDirs = new ArrayList<>();
        int symlinks;
        boolean truncated;

        Walker(Path base) {
            this.base = base;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(base)) {
                return FileVisitResult.CONTINUE;
            }
            String name = dir.getFileName().toString();
            boolean buildOutput =
                    BUILD_OUTPUT_DIRS.contains(name) && Files.isRegularFile(dir.resolveSibling("package.json"));
            if (SKIPPED_DIRS.contains(name) || buildOutput) {
                skippedDirs.add(relative(dir));
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isSymbolicLink()) {
                symlinks++;
                return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
            }
            if (files.size() >= limits.maxFiles()) {
                truncated = true;
                return FileVisitResult.TERMINATE;
            }
            // The exec bit matters only for scripts; asking the OS for every file would double the walk's cost.
            String name = file.getFileName().toString();
            boolean script = !name.contains(".") || name.endsWith(".sh");
            files.add(new SourceFile(relative(file), attrs.size(), script && Files.isExecutable(file)));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
        }

        private String relative(Path p) {
            return base.relativize(p).toString().replace('\\', '/');
        }
    }
}
