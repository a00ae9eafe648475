package dev.dropdeploy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    private final StackDetector detector = new StackDetector();

    @Test
    void anEmptyTreeIsUnknownAndSaysWhatIsAccepted(@TempDir Path dir) {
        DetectionReport report = detector.detect(dir);

        assertThat(report.stack()).isEqualTo(Stack.UNKNOWN);
        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("CANNOT_DETECT");
        assertThat(report.warnings().getFirst().message()).contains("empty").contains("package.json");
    }

    @Test
    void aMissingDirectoryIsUnknownInsteadOfAnError(@TempDir Path dir) {
        assertThat(detector.detect(dir.resolve("nope")).stack()).isEqualTo(Stack.UNKNOWN);
    }

    @Test
    void onlyBinaryFilesGiveAFileTreeSummary(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("blob.bin"), new byte[] {0, 1, 2, 0, 3});
        Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});

        DetectionReport report = detector.detect(dir);

        assertThat(report.stack()).isEqualTo(Stack.UNKNOWN);
        assertThat(report.evidence().getFirst().reason())
                .contains("2 files")
                .contains(".bin")
                .contains(".png");
    }

    @Test
    void aHugeFileIsListedButNeverRead(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("app.py"), "from flask import Flask\napp = Flask(__name__)\n" + "#".repeat(2_000_000));

        DetectionReport report = detector.detect(dir);

        assertThat(report.stack()).isEqualTo(Stack.PYTHON);
        assertThat(report.framework()).isNull();
    }

    @Test
    void undecodableBytesDoNotHideTheApp(@TempDir Path dir) throws IOException {
        byte[] head = "from flask import Flask\n# caf\u00e9 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] tail = "\napp = Flask(__name__)\n".getBytes();
        Files.write(dir.resolve("app.py"), concat(head, new byte[] {(byte) 0xff, (byte) 0xfe}, tail));

        DetectionReport report = detector.detect(dir);

        assertThat(report.framework()).isEqualTo("flask");
        assertThat(report.entrypoint()).isEqualTo("app:app");
    }

    @Test
    void symlinksAreNeverFollowedNotEvenToSecretsOutsideTheTree(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("index.html"), "<h1>secret</h1>");
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.createSymbolicLink(app.resolve("index.html"), outside.resolve("index.html"));
        Files.createSymbolicLink(app.resolve("etc"), Path.of("/etc"));

        DetectionReport report = detector.detect(app);

        assertThat(report.stack()).isEqualTo(Stack.UNKNOWN);
        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("SYMLINK_SKIPPED");
    }

    @Test
    void aTenThousandFileTreeIsCutShortQuicklyAndSaysSo() throws IOException {
        // Own temp dir and clean-up: JUnit's per-file clean-up of 10,000 files is slower than the test itself.
        Path dir = Files.createTempDirectory("detect-big");
        try {
            Trees.write(dir, Map.of("index.html", "<h1>hi</h1>"));
            for (int d = 0; d < 100; d++) {
                Path sub = Files.createDirectories(dir.resolve("data/d" + d));
                for (int f = 0; f < 100; f++) {
                    Files.createFile(sub.resolve("f" + f + ".txt"));
                }
            }
            long start = System.nanoTime();

            DetectionReport report = detector.detect(dir);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(report.stack()).isEqualTo(Stack.STATIC);
            assertThat(report.warnings()).extracting(DetectionWarning::code).contains("TREE_TRUNCATED");
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
                    throws IOException {
                Files.delete(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    @Test
    void aBrokenPackageJsonIsReportedNotThrown(@TempDir Path dir) {
        DetectionReport report = Trees.detect(dir, Map.of("package.json", "{ \"name\": \"x\", "));

        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("INVALID_MANIFEST");
    }

    @Test
    void aVeryDeepTreeIsWalkedOnlyToTheDepthLimit(@TempDir Path dir) throws IOException {
        Path deep = dir;
        for (int i = 0; i < 40; i++) {
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("index.html"), "<h1>deep</h1>");

        assertThat(detector.detect(dir).stack()).isEqualTo(Stack.UNKNOWN);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
