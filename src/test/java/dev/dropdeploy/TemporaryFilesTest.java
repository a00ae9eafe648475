package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.support.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void leftoversOfAKilledRunAreRemovedButRecentWorkAndOtherFilesStay() throws IOException {
        Path oldCheckout = Files.createDirectories(tmp.resolve("dropdeploy-checkout-1/src"));
        Files.writeString(oldCheckout.resolve("app.py"), "print(1)");
        age(tmp.resolve("dropdeploy-checkout-1"), Duration.ofHours(5));
        Path oldContext = age(Files.writeString(tmp.resolve("dropdeploy-context-2.tar"), "x"), Duration.ofHours(3));
        Path building = age(Files.createDirectory(tmp.resolve("dropdeploy-checkout-3")), Duration.ofMinutes(10));
        Path someoneElses = age(Files.writeString(tmp.resolve("other-tool.tmp"), "y"), Duration.ofDays(2));

        int removed = new TemporaryFiles(tmp, Duration.ofHours(2), Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(removed).isEqualTo(2);
        assertThat(tmp.resolve("dropdeploy-checkout-1")).doesNotExist();
        assertThat(oldContext).doesNotExist();
        assertThat(building).exists();
        assertThat(someoneElses).exists();
    }

    @Test
    void inAFolderOfItsOwnEverythingAnEarlierRunLeftIsRemovedAtStartUpButNotWhatThisRunMakes() throws IOException {
        Path killedBuild = age(Files.createDirectory(tmp.resolve("dropdeploy-context-4")), Duration.ofMinutes(1));
        MovableClock clock = new MovableClock(NOW);
        TemporaryFiles files = new TemporaryFiles(tmp, Duration.ofHours(2), true, clock);
        clock.advance(Duration.ofMinutes(5));
        Path thisRuns = age(Files.createDirectory(tmp.resolve("dropdeploy-context-5")), Duration.ofMinutes(-1));

        assertThat(files.sweep()).isEqualTo(1);
        assertThat(killedBuild).doesNotExist();
        assertThat(thisRuns).exists();
    }

    private static Path age(Path path, Duration age) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(NOW.minus(age)));
        return path;
    }
}
