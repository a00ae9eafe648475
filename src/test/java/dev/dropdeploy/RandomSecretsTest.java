package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomSecretsTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void aMissingSecretIsMadeOnceOwnerOnlyAndReadBackAfterwards(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data/token");
        String made = RandomSecrets.readOrCreate(file, 32, URL, "test token");

        assertThat(Base64.getUrlDecoder().decode(made)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(RandomSecrets.readOrCreate(file, 32, URL, "test token")).isEqualTo(made);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file is left").containsExactly(file);
        }
    }

    @Test
    void anExistingSecretIsReadAsItIsWithoutItsLineEnd(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "set-by-the-operator\n");

        assertThat(RandomSecrets.readOrCreate(file, 32, URL, "test token")).isEqualTo("set-by-the-operator");
    }

    @Test
    void processesStartingTogetherAllGetTheSameSecret(@TempDir Path dir) {
        Path file = dir.resolve("token");
        List<CompletableFuture<String>> readers = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> RandomSecrets.readOrCreate(file, 32, URL, "token")))
                .toList();

        assertThat(readers.stream().map(CompletableFuture::join).distinct()).hasSize(1);
    }

    /** The path for file systems without hard links, where a plain rename would replace the secret another made. */
    @Test
    void withoutHardLinksASecretAnotherProcessMadeFirstStands(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "made-first\n");
        Path late = Files.writeString(dir.resolve(".token.tmp"), "made-second\n");

        RandomSecrets.moveUnlessPresent(late, file);

        assertThat(Files.readString(file)).isEqualTo("made-first\n");
        Path absent = dir.resolve("other");
        RandomSecrets.moveUnlessPresent(late, absent);
        assertThat(Files.readString(absent)).isEqualTo("made-second\n");
    }

    @Test
    void withoutHardLinksWritersRacingForAMissingSecretLeaveExactlyOneOfTheirs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        List<Path> temps = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            temps.add(Files.writeString(dir.resolve(".token" + i + ".tmp"), "secret-" + i + "\n"));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<CompletableFuture<Void>> writers = temps.stream()
                .map(temp -> CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                        RandomSecrets.moveUnlessPresent(temp, file);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        start.countDown();
        writers.forEach(CompletableFuture::join);

        String kept = Files.readString(file);
        assertThat(kept).matches("secret-\\d+\n");
        try (var left = Files.list(dir)) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp")))
                    .as("every writer but the first kept its own file: none replaced the secret")
                    .hasSize(15);
        }
    }
}
