package dev.dropdeploy.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace module's entry point for versions: record a folder as a new version, read one back. */
@Service
public class Workspaces {

    private final VersionStore store;
    private final ProjectVersionRepository versions;
    private final WorkspaceProperties properties;
    private final Clock clock;
    private final ConcurrentMap<UUID, Object> projectLocks = new ConcurrentHashMap<>();

    Workspaces(VersionStore store, ProjectVersionRepository versions, WorkspaceProperties properties, Clock clock) {
        this.store = store;
        this.versions = versions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the regular files under {@code source} as the project's next version. Links are not followed and
     * {@code .git} folders are skipped.
     *
     * @throws WorkspaceException when the files exceed the size or count limits; nothing is recorded then
     */
    @Transactional
    public WorkspaceVersion commit(UUID projectId, Path source, String message) {
        checkLimits(source);
        synchronized (projectLocks.computeIfAbsent(projectId, id -> new Object())) {
            String commitId = store.commitSnapshot(projectId, source, message);
            int number = versions.latestNumber(projectId) + 1;
            return versions.save(new ProjectVersion(projectId, number, commitId, message, clock.instant()))
                    .view();
        }
    }

    /**
     * Records {@code files} (relative path to text) as the project's next version: they replace its files.
     *
     * @throws WorkspaceException when a path points outside the project or the files exceed the limits
     */
    @Transactional
    public WorkspaceVersion commitFiles(UUID projectId, java.util.Map<String, String> files, String message) {
        if (files.isEmpty()) {
            throw new WorkspaceException("There are no files to record");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("dropdeploy-files-");
            Pastes.write(folder, files);
            return commit(projectId, folder, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                JGitVersionStore.deleteRecursively(folder);
            }
        }
    }

    /**
     * Unpacks an uploaded archive and records it as the next version. Nothing is recorded when the archive is
     * refused (not an archive, too big, too many files, paths escaping the project, links).
     */
    public WorkspaceVersion commitArchive(UUID projectId, InputStream archive, ArchiveFormat format, String message) {
        Path work = null;
        try {
            work = Files.createTempDirectory("dropdeploy-upload-");
            Path unpacked = Files.createDirectory(work.resolve("files"));
            Archives.extract(
                    archive, format, unpacked, properties.maxVersionSize().toBytes(), properties.maxFiles());
            return commit(projectId, unpacked, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                JGitVersionStore.deleteRecursively(work);
            }
        }
    }

    /** Writes version {@code number}'s files into {@code target}, an empty folder. */
    @Transactional(readOnly = true)
    public void checkout(UUID projectId, int number, Path target) {
        WorkspaceVersion version = version(projectId, number)
                .orElseThrow(() -> new WorkspaceException("Version " + number + " does not exist"));
        store.export(projectId, version.commitId(), target);
    }

    @Transactional(readOnly = true)
    public Optional<WorkspaceVersion> version(UUID projectId, int number) {
        return versions.find(projectId, number).map(ProjectVersion::view);
    }

    @Transactional(readOnly = true)
    public List<WorkspaceVersion> versions(UUID projectId) {
        return versions.findAllNewestFirst(projectId).stream()
                .map(ProjectVersion::view)
                .toList();
    }

    private void checkLimits(Path source) {
        long bytes = 0;
        int files = 0;
        try (Stream<Path> all = Files.walk(source)) {
            for (Path file : (Iterable<Path>) all::iterator) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || isUnderGit(source, file)) {
                    continue;
                }
                bytes += Files.size(file);
                if (++files > properties.maxFiles()) {
                    throw new WorkspaceException("More than %d files; remove dependencies or build output (such as "
                                    .formatted(properties.maxFiles())
                            + "node_modules) and try again");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes > properties.maxVersionSize().toBytes()) {
            throw new WorkspaceException("The files add up to %d MB, more than the %d MB limit"
                    .formatted(bytes >> 20, properties.maxVersionSize().toMegabytes()));
        }
    }

    private static boolean isUnderGit(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().equals(".git")) {
                return true;
            }
        }
        return false;
    }
}
