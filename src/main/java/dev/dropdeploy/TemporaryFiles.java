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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Sweeps what a killed DropDeploy left in the temporary folder (checkouts, build contexts, uploads, clones: every
 * module names them {@code dropdeploy-*}), at start-up and then hourly. In a shared folder only entries older than any
 * build, clone or upload may take are removed, so a second DropDeploy or a test run on the same machine keeps its work.
 * When the folder is DropDeploy's own ({@code dropdeploy.temp-exclusive}, as {@code ./dropdeploy up} runs it), whatever
 * is older than this run belongs to a dead one and goes at start-up.
 */
@Component
class TemporaryFiles {

    static final String PREFIX = "dropdeploy-";
    private static final Logger log = LoggerFactory.getLogger(TemporaryFiles.class);

    private final Path folder;
    private final Duration maxAge;
    private final Clock clock;
    /** Set when the folder is DropDeploy's own: the moment before which nothing in it can be this run's. */
    private final Instant exclusiveSince;

    @Autowired
    TemporaryFiles(
            @Value("${java.io.tmpdir}") Path folder,
            @Value("${dropdeploy.temp-max-age:2h}") Duration maxAge,
            @Value("${dropdeploy.temp-exclusive:false}") boolean exclusive,
            Clock clock) {
        this.folder = folder;
        this.maxAge = maxAge;
        this.clock = clock;
        this.exclusiveSince = exclusive ? clock.instant() : Instant.MIN;
    }

    TemporaryFiles(Path folder, Duration maxAge, Clock clock) {
        this(folder, maxAge, false, clock);
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    void sweepHourly() {
        sweep();
    }

    /** @return how many leftovers were removed */
    int sweep() {
        Instant aged = clock.instant().minus(maxAge);
        Instant cutoff = aged.isAfter(exclusiveSince) ? aged : exclusiveSince;
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
