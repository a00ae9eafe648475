package dev.dropdeploy.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every way in against PostgreSQL: a refused input leaves the project exactly as it was; a good one is version N+1. */
@SpringBootTest
@Import(PostgresContainerConfiguration.class)
class WorkspacesIT {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add(
                "dropdeploy.workspace.root", () -> data.resolve("workspaces").toString());
        registry.add("dropdeploy.workspace.max-version-size", () -> "1MB");
        registry.add("dropdeploy.workspace.max-files", () -> "10");
        registry.add("dropdeploy.workspace.git-allow-local", () -> "true");
    }

    @Autowired
    Projects projects;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Pastes pastes;

    @Autowired
    GitImports gitImports;

    @Autowired
    Accounts accounts;

    UUID project;

    @BeforeEach
    void projectWithOneVersion() {
        AccountUser owner = accounts.signUp("inputs-" + UUID.randomUUID(), "correct horse battery");
        project = projects.create(owner, "inputs " + UUID.randomUUID()).id();
        upload(TestArchives.with("app.py", "print('v1')\n").zip());
    }

    @Test
    void refusedUploadsLeaveTheProjectUnchangedAndWriteNothingOutside() throws IOException {
        List<String> before = snapshotOfData();
        TestArchives tooMany = new TestArchives();
        for (int i = 0; i <= 10; i++) {
            tooMany.and("f" + i + ".txt", "x");
        }
        Map<String, byte[]> refused = Map.of(
                "zip slip", TestArchives.with("../../escaped.txt", "x").zip(),
                "absolute",
                        TestArchives.with("/tmp/dropdeploy-it-absolute.txt", "x")
                                .zip(),
                "link", TestArchives.with("a.txt", "x").link("l", "/etc/passwd").zip(),
                "bomb", TestArchives.with("zeros.bin", new byte[32 << 20]).zip(),
                "too many", tooMany.zip(),
                "not a zip", "hello".getBytes(),
                "empty", new TestArchives().zip());

        refused.forEach(
                (what, zip) -> assertThatThrownBy(() -> upload(zip)).as(what).isInstanceOf(WorkspaceException.class));

        assertThat(workspaces.versions(project)).hasSize(1);
        assertThat(snapshotOfData()).isEqualTo(before);
        assertThat(Files.exists(Path.of("/tmp/dropdeploy-it-absolute.txt"))).isFalse();
        assertThat(Files.exists(data.getParent().resolve("escaped.txt"))).isFalse();
    }

    @Test
    void aGoodZipBecomesTheNextVersion() throws IOException {
        WorkspaceVersion version =
                upload(TestArchives.with("site-main/index.html", "<h1>v2</h1>").zip());

        assertThat(version.number()).isEqualTo(2);
        Path out = Files.createDirectory(data.resolve("out-" + UUID.randomUUID()));
        workspaces.checkout(project, 2, out);
        assertThat(ArchivesTest.filesUnder(out)).containsExactly("index.html");
    }

    @Test
    void aPasteBecomesTheNextVersionWithItsScaffolding() {
        PastedVersion pasted = pastes.commit(project, "from flask import Flask\napp = Flask(__name__)\n");

        assertThat(pasted.version().number()).isEqualTo(2);
        assertThat(pasted.version().message()).isEqualTo("Pasted app.py");
        assertThat(pasted.paste().added()).containsKeys("requirements.txt", "Procfile");
    }

    @Test
    void aGitImportBecomesTheNextVersionWithoutItsGitFolder() throws IOException {
        Path origin = LocalRepositories.withTwoBranches(data.resolve("origin-" + UUID.randomUUID()));

        WorkspaceVersion version = gitImports.importFrom(project, origin.toString(), "feature");

        assertThat(version.number()).isEqualTo(2);
        assertThat(version.message()).matches("Imported from .*origin-.*@feature [0-9a-f]{7}");
        Path out = Files.createDirectory(data.resolve("out-" + UUID.randomUUID()));
        workspaces.checkout(project, 2, out);
        assertThat(ArchivesTest.filesUnder(out)).containsExactlyInAnyOrder("app.py", "feature.txt");
    }

    @Test
    void refusedGitImportsRecordNothing() {
        Path big = LocalRepositories.withRandomFile(data.resolve("big-" + UUID.randomUUID()), 3 << 20);

        assertThatThrownBy(() -> gitImports.importFrom(project, big.toString(), null))
                .hasMessageContaining("larger than the");
        assertThatThrownBy(() ->
                        gitImports.importFrom(project, data.resolve("missing").toString(), null))
                .isInstanceOf(WorkspaceException.class);
        assertThatThrownBy(() -> gitImports.importFrom(project, "git@github.com:o/r.git", null))
                .hasMessageStartingWith("Only https://");
        assertThat(workspaces.versions(project)).hasSize(1);
    }

    private WorkspaceVersion upload(byte[] zip) {
        return workspaces.commitArchive(project, new ByteArrayInputStream(zip), ArchiveFormat.ZIP, "upload");
    }

    /** Every path under the data folder with its size: the project's repository included. */
    private List<String> snapshotOfData() throws IOException {
        try (Stream<Path> all = Files.walk(data)) {
            return all.map(p -> data.relativize(p) + ":"
                            + (Files.isRegularFile(p) ? p.toFile().length() : -1))
                    .sorted()
                    .toList();
        }
    }
}
