package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingCopySourcesTest {

    @TempDir
    Path project;

    @TempDir
    Path elsewhere;

    private String firstMissing(String dockerfile) {
        return MissingCopySources.first(DockerfileInstructions.read(dockerfile).instructions(), project)
                .map(MissingCopySources.Missing::source)
                .orElse(null);
    }

    @Test
    void filesFoldersWildcardsVariablesAndOtherStagesAreNotMissing() throws IOException {
        Files.writeString(project.resolve("package.json"), "{}");
        Files.createDirectories(project.resolve("src"));

        assertThat(firstMissing("FROM x\nCOPY package.json src/ /app/\nCOPY *.lock $DIR /app/\n"
                        + "COPY --from=build /out /app\nADD https://example.com/x /x\nCOPY [\"a b\", \"/c\"]\n"))
                .isNull();
    }

    @Test
    void aFileTheProjectDoesNotHaveIsNamed() throws IOException {
        Files.writeString(project.resolve("package.json"), "{}");

        assertThat(firstMissing("FROM x\nCOPY ./package.json package-lock.json /app/\n"))
                .isEqualTo("package-lock.json");
    }

    @Test
    void pathsOutOfTheFolderAndLinksNeverRevealWhatExistsOnThisMachine() throws IOException {
        Files.writeString(elsewhere.resolve("secret"), "x");
        Files.createSymbolicLink(project.resolve("link"), elsewhere.resolve("secret"));
        Files.createSymbolicLink(project.resolve("dir"), elsewhere);

        assertThat(firstMissing("FROM x\nCOPY link /app/\n")).isEqualTo("link");
        assertThat(firstMissing("FROM x\nCOPY dir/secret /app/\n")).isEqualTo("dir/secret");
        assertThat(firstMissing("FROM x\nCOPY ../../../../" + elsewhere.resolve("secret") + " /app/\n"))
                .as("a path out of the folder means the folder's own path of that name")
                .isNotNull()
                .isEqualTo(firstMissing("FROM x\nCOPY ../../../../" + elsewhere.resolve("no-such-file") + " /app/\n")
                        .replace("no-such-file", "secret"));
    }

    @Test
    void climbingAboveTheFolderStaysInItAsTheEngineReadsIt() throws IOException {
        Files.createDirectories(project.resolve("foo"));
        Files.writeString(project.resolve("foo/bar"), "x");

        assertThat(firstMissing("FROM x\nCOPY ../../../../../../../../.. /app\nCOPY ../foo/bar /app/\n"))
                .isNull();
        assertThat(firstMissing("FROM x\nCOPY ../bar /app/\n")).isEqualTo("../bar");
    }
}
