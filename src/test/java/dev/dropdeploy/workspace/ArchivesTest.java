package dev.dropdeploy.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip bad-input suite at the unpacking level: each refusal is clear and leaves nothing outside the target. */
class ArchivesTest {

    private static final long ONE_MB = 1 << 20;
    private static final int MAX_FILES = 10;

    @TempDir
    Path scratch;

    Path target;

    @BeforeEach
    void createTarget() throws IOException {
        target = Files.createDirectory(scratch.resolve("unpacked"));
    }

    @Test
    void aGoodZipIsUnpackedWithItsWrapperFolderAndMacMetadataRemoved() throws IOException {
        extract(TestArchives.with("shop-main/app.py", "print('hi')\n")
                .and("shop-main/static/site.css", "body {}\n")
                .and("__MACOSX/shop-main/._app.py", "junk")
                .and("shop-main/.DS_Store", "junk")
                .zip());

        assertThat(filesUnder(target)).containsExactlyInAnyOrder("app.py", "static/site.css");
        assertThat(Files.readString(target.resolve("app.py"))).isEqualTo("print('hi')\n");
        assertThat(onlyTargetRemainsIn(scratch)).isTrue();
    }

    @Test
    void aFolderBesideOtherFilesIsNotUnwrapped() throws IOException {
        extract(TestArchives.with("src/app.js", "x").and("package.json", "{}").zip());

        assertThat(filesUnder(target)).containsExactlyInAnyOrder("src/app.js", "package.json");
    }

    @Test
    void aGoodTarGzIsUnpacked() throws IOException {
        extract(TestArchives.with("site/index.html", "<h1>hi</h1>").tarGz(), ArchiveFormat.TAR_GZ);

        assertThat(filesUnder(target)).containsExactly("index.html");
    }

    @Test
    void anEntryClimbingOutOfTheFolderIsRefused() {
        assertRefused(TestArchives.with("ok.txt", "x")
                        .and("../../escaped.txt", "pwned")
                        .zip())
                .hasMessage("The path \"../../escaped.txt\" points outside the project");
        assertThat(Files.exists(scratch.resolve("escaped.txt"))).isFalse();
        assertThat(Files.exists(scratch.getParent().resolve("escaped.txt"))).isFalse();
    }

    @Test
    void absolutePathsAreRefusedInUnixAndWindowsForm() {
        assertRefused(TestArchives.with("/tmp/dropdeploy-absolute.txt", "x").zip())
                .hasMessageContaining("points outside the project");
        assertRefused(TestArchives.with("C:\\Users\\me\\evil.txt", "x").zip())
                .hasMessageContaining("points outside the project");
        assertThat(Files.exists(Path.of("/tmp/dropdeploy-absolute.txt"))).isFalse();
    }

    @Test
    void symbolicLinksAreRefusedNotFollowed() {
        assertRefused(TestArchives.with("app.py", "x")
                        .link("secrets", "/etc/passwd")
                        .zip())
                .hasMessage("The archive contains a link (secrets); links are not accepted");
        assertRefused(TestArchives.with("app.py", "x").link("up", "../..").tarGz(), ArchiveFormat.TAR_GZ)
                .hasMessage("The archive contains a link (up); links are not accepted");
    }

    @Test
    void aZipBombStopsAtTheExpandedSizeLimit() {
        byte[] bomb =
                TestArchives.with("zeros.bin", new byte[64 * (int) ONE_MB]).zip();
        assertThat(bomb.length).isLessThan(100 * 1024);

        assertRefused(bomb).hasMessage("The archive expands beyond the size limit; nothing was saved");
        assertThat(sizeOf(scratch)).isLessThanOrEqualTo(ONE_MB);
    }

    @Test
    void manySmallFilesTogetherStillStopAtTheExpandedSizeLimit() {
        TestArchives archive = new TestArchives();
        for (int i = 0; i < 8; i++) {
            archive.and("part" + i + ".bin", new byte[(int) ONE_MB / 4]);
        }

        assertRefused(archive.zip()).hasMessageContaining("expands beyond the size limit");
    }

    @Test
    void tooManyFilesAreRefused() {
        TestArchives archive = new TestArchives();
        for (int i = 0; i <= MAX_FILES; i++) {
            archive.and("f" + i + ".txt", "x");
        }

        assertRefused(archive.zip()).hasMessage("The archive holds more than 10 files");
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedBeforeUnpacking() {
        byte[] incompressible = new byte[(int) ONE_MB + 1];
        new java.util.Random(1).nextBytes(incompressible);

        assertRefused(incompressible).hasMessage("The upload is larger than the 1 MB limit");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        assertRefused("just some text, not a zip".getBytes())
                .hasMessageStartingWith("This is not a readable zip archive");
        assertRefused(new byte[0]).hasMessageStartingWith("This is not a readable zip archive");
        assertRefused("nope".getBytes(), ArchiveFormat.TAR_GZ)
                .hasMessageStartingWith("This is not a readable tar.gz archive");
    }

    @Test
    void anEmptyZipIsRefused() {
        assertRefused(new TestArchives().zip()).hasMessage("The archive contains no files");
        assertRefused(TestArchives.with("__MACOSX/._x", "junk").zip()).hasMessage("The archive contains no files");
    }

    @Test
    void aGitFolderInTheArchiveIsRefused() {
        assertRefused(TestArchives.with(".git/hooks/post-checkout", "#!/bin/sh").zip())
                .hasMessageContaining("inside .git");
    }

    private void extract(byte[] archive) {
        extract(archive, ArchiveFormat.ZIP);
    }

    private void extract(byte[] archive, ArchiveFormat format) {
        Archives.extract(new ByteArrayInputStream(archive), format, target, ONE_MB, MAX_FILES);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] archive) {
        return assertRefused(archive, ArchiveFormat.ZIP);
    }

    /** Refused with a WorkspaceException, and nothing but the target folder is left beside it (no spooled copy). */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] archive, ArchiveFormat format) {
        var refusal = assertThatThrownBy(() -> extract(archive, format)).isInstanceOf(WorkspaceException.class);
        assertThat(onlyTargetRemainsIn(scratch)).isTrue();
        return refusal;
    }

    private boolean onlyTargetRemainsIn(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList().equals(List.of(target));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .toList();
        }
    }

    private static long sizeOf(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
