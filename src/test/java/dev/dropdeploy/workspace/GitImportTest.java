package dev.dropdeploy.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git imports at the clone level, against real repositories made in a test folder. */
class GitImportTest {

    private static final long ONE_MB = 1 << 20;

    private final RepositoryCloner cloner = new JGitCloner();

    @TempDir
    Path scratch;

    @Test
    void aLocalRepositoryIsClonedShallowOnItsDefaultBranch() throws IOException {
        Path origin = LocalRepositories.withTwoBranches(scratch.resolve("origin"));

        RepositoryCloner.Cloned cloned = cloner.shallowClone(
                origin.toUri().toString(), null, scratch.resolve("clone"), ONE_MB, Duration.ofSeconds(30));

        assertThat(cloned.branch()).isEqualTo("main");
        assertThat(cloned.commitId()).hasSize(40);
        assertThat(ArchivesTest.filesUnder(scratch.resolve("clone")))
                .contains("app.py")
                .doesNotContain("feature.txt");
        assertThat(Files.exists(scratch.resolve("clone/.git/shallow"))).isTrue();
    }

    @Test
    void theBranchOptionChecksOutThatBranch() throws IOException {
        Path origin = LocalRepositories.withTwoBranches(scratch.resolve("origin"));

        RepositoryCloner.Cloned cloned = cloner.shallowClone(
                origin.toUri().toString(), "feature", scratch.resolve("clone"), ONE_MB, Duration.ofSeconds(30));

        assertThat(cloned.branch()).isEqualTo("feature");
        assertThat(Files.readString(scratch.resolve("clone/feature.txt"))).isEqualTo("new\n");
    }

    @Test
    void aMissingBranchIsAClearError() {
        Path origin = LocalRepositories.withTwoBranches(scratch.resolve("origin"));

        assertThatThrownBy(() -> cloner.shallowClone(
                        origin.toUri().toString(), "nope", scratch.resolve("clone"), ONE_MB, Duration.ofSeconds(30)))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void aRepositoryThatDoesNotExistIsAClearError() {
        String missing = scratch.resolve("no-such-repo").toUri().toString();

        assertThatThrownBy(() ->
                        cloner.shallowClone(missing, null, scratch.resolve("clone"), ONE_MB, Duration.ofSeconds(30)))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("Could not read the repository:");
    }

    @Test
    void aRepositoryOverTheSizeLimitIsAborted() {
        Path origin = LocalRepositories.withRandomFile(scratch.resolve("origin"), 3 * (int) ONE_MB);

        assertThatThrownBy(() -> cloner.shallowClone(
                        origin.toUri().toString(), null, scratch.resolve("clone"), ONE_MB, Duration.ofSeconds(30)))
                .isInstanceOf(WorkspaceException.class)
                .hasMessage("The repository is larger than the 1 MB limit; nothing was imported");
    }

    @Test
    void onlyHttpsAndAllowedLocalUrlsAreAccepted() {
        for (String refused : new String[] {
            "git@github.com:owner/repo.git",
            "ssh://git@github.com/owner/repo.git",
            "git://example.com/repo.git",
            "ext::sh -c touch% /tmp/pwned",
            "file:///srv/repo",
            "/srv/repo",
            ""
        }) {
            assertThatThrownBy(() -> GitUrls.check(refused, false))
                    .as(refused)
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageStartingWith("Only https:// Git URLs can be imported");
        }
        assertThat(GitUrls.check(" https://github.com/owner/repo.git ", false))
                .isEqualTo("https://github.com/owner/repo.git");
        assertThat(GitUrls.check("file:///srv/repo", true)).isEqualTo("file:///srv/repo");
        assertThat(GitUrls.check(scratch.toString(), true)).startsWith("file:/");
    }

    @Test
    void credentialsInAUrlStayOutOfTheVersionHistory() {
        assertThat(GitUrls.redacted("https://me:ghp_secret@github.com/o/r.git"))
                .isEqualTo("https://github.com/o/r.git");
    }

    /** JGit fetches from DropDeploy's own process, outside every app's firewall. */
    @Test
    void aGitUrlWhoseHostIsThisMachineOrALocalNetworkIsRefused() throws Exception {
        java.net.InetAddress loopback = java.net.InetAddress.getByName("127.0.0.1");
        java.net.InetAddress metadata = java.net.InetAddress.getByName("169.254.169.254");
        java.net.InetAddress outside = java.net.InetAddress.getByName("140.82.112.3");

        assertThatThrownBy(() -> GitUrls.refusePrivateHost(
                        "http://127.0.0.1:8082/api/rawdata?x=", host -> new java.net.InetAddress[] {loopback}))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("public addresses only")
                .hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> GitUrls.refusePrivateHost(
                        "https://git.example.com/r.git", host -> new java.net.InetAddress[] {outside, metadata}))
                .as("every address the name has must be public")
                .hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> GitUrls.refusePrivateHost("https://me:pw@a_b.127.0.0.1.nip.io:8443/r.git", host ->
                        new java.net.InetAddress[] {host.equals("a_b.127.0.0.1.nip.io") ? loopback : outside}))
                .as("a host with an underscore, which java.net.URI does not call a host, is still checked")
                .hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> GitUrls.refusePrivateHost("http://[::1]:3000/r.git", host ->
                        new java.net.InetAddress[] {java.net.InetAddress.getByName(host)}))
                .hasMessageContaining("public addresses only");
        GitUrls.refusePrivateHost("https://github.com/o/r.git", host -> new java.net.InetAddress[] {outside});
        GitUrls.refusePrivateHost("https://nowhere.invalid/r.git", host -> {
            throw new java.net.UnknownHostException(host);
        });
    }
}
