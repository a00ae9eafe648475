package dev.dropdeploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Sweeps what a killed DropDeploy left in the temporary folder (checkouts, build contexts, uploads, clones: every
 * module names them {@code dropdeploy-*}), at start-up and then hourly. Only entries older than any build, clone or
 * upload may take are removed, so a second DropDeploy or a test run on the same machine keeps its work.
 */
@Component
class TemporaryFiles {

    static final String PREFIX = "dropdeploy-";
    private static final Logger log = LoggerFactory.getLogger(TemporaryFiles.class);

    private final Path folder;
    private final Duration maxAge;
    private final Clock clock;

    TemporaryFiles(
            @Value("${java.io.tmpdir}") Path folder,
            @Value("${dropdeploy.temp-max-age:2h}") Duration maxAge,
            Clock clock) {
        this.folder = folder;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    void sweepHourly() {
        sweep();
    }

    /** @return how many leftovers were removed */
    int sweep() {
        Instant cutoff = clock.instant().minus(maxAge);
        int removed = 0;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getFileName().toString().startsWith(PREFIX) && olderThan(entry, cutoff)) {
                    deleteTree(entry);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.debug("Could not list {}", folder, e);
        }
        if (removed > 0) {
            log.info("Removed {} temporary files and folders left by an earlier run", removed);
        }
        return removed;
    }

    private static boolean olderThan(Path entry, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            log.debug("Could not remove {}", root, e);
        }
    }
}
