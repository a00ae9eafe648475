package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class DiskGuardTest {

    @TempDir
    Path imageDirectory;

    @Test
    void aBuildIsRefusedWithTheReasonWhenLessThanTheMinimumIsFree() {
        DiskGuard guard = new DiskGuard(() -> imageDirectory, DataSize.ofTerabytes(1024));

        assertThatThrownBy(guard::checkRoomForABuild)
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("low on disk space")
                .hasMessageContaining("Running apps are not affected");
    }

    @Test
    void aBuildGoesAheadWhenEnoughIsFree() {
        DiskGuard guard = new DiskGuard(() -> imageDirectory, DataSize.ofBytes(1));

        assertThatCode(guard::checkRoomForABuild).doesNotThrowAnyException();
    }

    @Test
    void anImageFolderThatIsNotVisibleFromHereDoesNotBlockBuilds() {
        DiskGuard guard = new DiskGuard(() -> Path.of("/nonexistent/docker"), DataSize.ofTerabytes(1024));

        assertThatCode(guard::checkRoomForABuild).doesNotThrowAnyException();
    }
}
