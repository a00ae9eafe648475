package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    @TempDir
    Path app;

    @TempDir
    Path outside;

    @Test
    void theContextHoldsTheSourceTheGeneratedDockerfileAndNothingIgnored() throws IOException {
        write("app.py", "print('hi')");
        write("node_modules/left-pad/index.js", "x");
        write(".env", "SECRET=1");
        write("Dockerfile", "FROM user-wrote-this");
        GeneratedDockerfile generated =
                new GeneratedDockerfile("FROM generated", "node_modules\n.env*\n", Map.of(), List.of());

        Map<String, String> entries = tar(generated, Long.MAX_VALUE);

        assertThat(entries).containsKeys("app.py", "Dockerfile", ".dockerignore");
        assertThat(entries).doesNotContainKeys("node_modules/left-pad/index.js", ".env");
        assertThat(entries.get("Dockerfile")).isEqualTo("FROM generated");
    }

    @Test
    void theProjectsOwnDockerfileAndIgnoreFileAreUsedWhenNothingIsGenerated() throws IOException {
        write("Dockerfile", "FROM mine");
        write(".dockerignore", "secret.txt\n");
        write("secret.txt", "x");
        write("main.go", "package main");

        Map<String, String> entries = tar(new GeneratedDockerfile(null, null, Map.of(), List.of()), Long.MAX_VALUE);

        assertThat(entries).containsEntry("Dockerfile", "FROM mine").containsKey("main.go");
        assertThat(entries).doesNotContainKey("secret.txt");
    }

    @Test
    void secretsAtAnyDepthStayOutEvenWithTheProjectsOwnDockerfileAndTheNoteNamesEach() throws IOException {
        write("Dockerfile", "FROM mine\nCOPY . .");
        write(".dockerignore", "!**/.env*\n");
        write("server.js", "listen()");
        write(".env.production", "DATABASE_URL=postgres://u:p@db/app");
        write("api/.env", "TOKEN=1");
        write("api/.env.example", "TOKEN=");
        write("web/.npmrc", "//registry.npmjs.org/:_authToken=npm_abc");
        write("certs/tls.key", "-----BEGIN PRIVATE KEY-----\nMIIE");

        List<String> leftOut = new ArrayList<>();
        Map<String, String> entries =
                tar(new GeneratedDockerfile(null, null, Map.of(), List.of()), Long.MAX_VALUE, leftOut);

        assertThat(entries).containsOnlyKeys("Dockerfile", ".dockerignore", "server.js", "api/.env.example");
        assertThat(BuildContext.leftOutNote(leftOut))
                .startsWith("Left out of the image: ")
                .contains(
                        ".env.production (secrets)",
                        "api/.env (secrets)",
                        "web/.npmrc (auth token)",
                        "certs/tls.key (private key)");
    }

    @Test
    void aLongListOfLeftOutFilesIsShortenedInTheNote() {
        List<String> many = java.util.stream.IntStream.range(0, 25)
                .mapToObj(n -> "d" + n + "/.env (secrets)")
                .toList();

        assertThat(BuildContext.leftOutNote(many))
                .contains("d19/.env")
                .doesNotContain("d20/")
                .endsWith(" and 5 more");
    }

    @Test
    void linksAreNeverFollowedSoNothingOutsideTheFolderEntersAnImage() throws IOException {
        write("index.html", "<p>hi</p>");
        Files.writeString(outside.resolve("passwd"), "root:x:0:0");
        Files.createSymbolicLink(app.resolve("leak"), outside.resolve("passwd"));
        Files.createSymbolicLink(app.resolve("dir-leak"), outside);

        Map<String, String> entries = tar(null, Long.MAX_VALUE);

        assertThat(entries.keySet()).containsExactly("index.html");
    }

    @Test
    void aContextOverTheLimitIsRefusedWithAReasonAndAFix() throws IOException {
        write("big.bin", "x".repeat(2048));

        assertThatThrownBy(() -> tar(null, 1024))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("node_modules");
    }

    @Test
    void everyFileCarriesOneTimeThatIsNotZeroSoNewerThanMissingCheckingToolsCopyIt() throws IOException {
        write("src/main/resources/templates/greeting.html", "<p>hi</p>");
        write("pom.xml", "<project/>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildContext.write(app, new GeneratedDockerfile("FROM x", "", Map.of(), List.of()), Long.MAX_VALUE, out);

        List<java.util.Date> times = new ArrayList<>();
        Map<String, String> texts = new java.util.HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                times.add(entry.getModTime());
                texts.put(entry.getName(), new String(in.readAllBytes()));
            }
        }

        assertThat(times).hasSizeGreaterThanOrEqualTo(4).containsOnly(BuildContext.FILE_TIME);
        // The layer cache ignores times: the time is also content, so a change of it rebuilds what was built before.
        assertThat(texts.get(".dropdeploy/file-time")).isEqualTo("2000-01-01T00:00:00Z\n");
        assertThat(BuildContext.FILE_TIME.getTime()).isPositive();
    }

    private void write(String name, String content) throws IOException {
        Path file = app.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Map<String, String> tar(GeneratedDockerfile generated, long limit) throws IOException {
        return tar(generated, limit, new ArrayList<>());
    }

    private Map<String, String> tar(GeneratedDockerfile generated, long limit, List<String> leftOut)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        leftOut.addAll(BuildContext.write(app, generated, limit, out));
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(in.readAllBytes()));
            }
        }
        return entries;
    }
}
