package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.runtime.ContainerSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadOnlyWritesTest {

    @Test
    void refusedWritesAreRecognisedAsPythonNodeGoJavaAndSqliteReportThem() {
        List<String> reports = List.of(
                "OSError: [Errno 30] Read-only file system: '.sesskey'",
                "Error: EROFS: read-only file system, open '/app/db.json'",
                "open data.db: read-only file system",
                "java.nio.file.FileSystemException: /app/uploads: Read-only file system",
                "sqlite3.OperationalError: attempt to write a readonly database");
        for (String report : reports) {
            assertThat(ReadOnlyWrites.attempted(List.of("starting", report)))
                    .as(report)
                    .isTrue();
        }
    }

    @Test
    void otherStartFailuresAreNotMistakenForRefusedWrites() {
        assertThat(ReadOnlyWrites.attempted(List.of(
                        "ModuleNotFoundError: No module named 'flask'",
                        "Error: listen EADDRINUSE: address already in use :::8080",
                        "PermissionError: [Errno 13] Permission denied: '/etc/shadow'")))
                .isFalse();
    }

    @Test
    void theFirstRefusedWriteIsQuotedAndCutWhenLong() {
        List<String> logs = List.of("ok", "  OSError: [Errno 30] Read-only file system: '.sesskey'  ", "x".repeat(500));

        assertThat(ReadOnlyWrites.firstAttempt(logs))
                .isEqualTo("OSError: [Errno 30] Read-only file system: '.sesskey'");
        assertThat(ReadOnlyWrites.firstAttempt(List.of("EROFS " + "y".repeat(500))))
                .hasSize(201);
    }

    @Test
    void theWritableSpecChangesOnlyTheRootFilesystem() {
        ContainerSpec spec = new ContainerSpec("shop", 3, "d-1", "img:3", 8080, Map.of("A", "1"), true, null, null, 2);

        ContainerSpec writable = ReadOnlyWrites.writable(spec);

        assertThat(writable.readOnlyRootFilesystem()).isFalse();
        assertThat(writable)
                .usingRecursiveComparison()
                .ignoringFields("readOnlyRootFilesystem")
                .isEqualTo(spec);
    }
}
