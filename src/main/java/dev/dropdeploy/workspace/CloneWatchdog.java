package dev.dropdeploy.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.BatchingProgressMonitor;

/**
 * Asked by JGit, between chunks of work, whether to stop: when the clone's folder outgrows the limit or the deadline
 * passes. JGit's transport timeout covers a connection that stalls between those questions. Sizes are measured at
 * most every 200 ms, since walking the folder costs.
 */
final class CloneWatchdog extends BatchingProgressMonitor {

    private final Path folder;
    private final long maxBytes;
    private final long deadline;
    private final Duration timeout;
    private long nextMeasure;
    private String reason;

    CloneWatchdog(Path folder, long maxBytes, Duration timeout) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public boolean isCancelled() {
        if (reason == null && System.nanoTime() - deadline > 0) {
            reason = "The import took longer than " + timeout.toSeconds() + " seconds and was stopped";
        }
        if (reason == null && System.nanoTime() - nextMeasure > 0) {
            nextMeasure = System.nanoTime() + 200_000_000L;
            if (sizeOf(folder) > maxBytes) {
                reason =
                        "The repository is larger than the %d MB limit; nothing was imported".formatted(maxBytes >> 20);
            }
        }
        return reason != null;
    }

    /** Throws when a limit was hit, so the caller reports the limit rather than JGit's "cancelled". */
    void checkNow() {
        nextMeasure = 0;
        if (isCancelled()) {
            throw new WorkspaceException(reason);
        }
    }

    static long sizeOf(Path folder) {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // files come and go while JGit works; the next measure will see them
        }
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, Duration duration) {}

    @Override
    protected void onEndTask(String taskName, int workCurr, Duration duration) {}

    @Override
    protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {}

    @Override
    protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {}
}
