package dev.dropdeploy.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Real Git repositories in a test folder: {@code main} with app.py, {@code feature} with one more file. */
final class LocalRepositories {

    private LocalRepositories() {}

    static Path withTwoBranches(Path folder) {
        try (Git git = Git.init()
                .setDirectory(folder.toFile())
                .setInitialBranch("main")
                .call()) {
            Files.writeString(folder.resolve("app.py"), "print('main')\n");
            commitAll(git, "main work");
            git.checkout().setCreateBranch(true).setName("feature").call();
            Files.writeString(folder.resolve("feature.txt"), "new\n");
            commitAll(git, "feature work");
            git.checkout().setName("main").call();
            return folder;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path withRandomFile(Path folder, int bytes) {
        try (Git git = Git.init()
                .setDirectory(folder.toFile())
                .setInitialBranch("main")
                .call()) {
            byte[] noise = new byte[bytes];
            new Random(7).nextBytes(noise);
            Files.write(folder.resolve("big.bin"), noise);
            commitAll(git, "big");
            return folder;
        } catch (GitAPIException | IOException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static void commitAll(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit()
                .setMessage(message)
                .setAuthor("t", "t@example.com")
                .setCommitter("t", "t@example.com")
                .setSign(false)
                .call();
    }
}
