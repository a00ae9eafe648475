package dev.dropdeploy.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Refuses a build while the disk the engine writes images to is nearly full, so one tenant's builds cannot fill the
 * host and take every app (and PostgreSQL) down with it.
 */
@Component
class DiskGuard {

    private static final Logger log = LoggerFactory.getLogger(DiskGuard.class);

    private final Supplier<Path> imageDirectory;
    private final DataSize minFree;

    DiskGuard(ImageEngine engine, DiskProperties properties) {
        this(engine::imageDirectory, properties.minFree());
    }

    DiskGuard(Supplier<Path> imageDirectory, DataSize minFree) {
        this.imageDirectory = imageDirectory;
        this.minFree = minFree;
    }

    /** @throws BuildFailure when less than the minimum is free */
    void checkRoomForABuild() {
        long free = freeBytes();
        if (free >= 0 && free < minFree.toBytes()) {
            throw new BuildFailure(
                    "The server is low on disk space (%d MB free, builds need at least %d MB), so nothing new is built"
                                    .formatted(free >> 20, minFree.toMegabytes())
                            + "; ask the administrator to free space. Running apps are not affected.",
                    null,
                    List.of());
        }
    }

    /** Free bytes where images live, or -1 when that folder is not visible from here (DropDeploy in a container). */
    long freeBytes() {
        Path directory = imageDirectory.get();
        try {
            return directory != null && Files.isDirectory(directory)
                    ? Files.getFileStore(directory).getUsableSpace()
                    : -1;
        } catch (IOException e) {
            log.debug("Cannot read free space of {}", directory, e);
            return -1;
        }
    }
}
