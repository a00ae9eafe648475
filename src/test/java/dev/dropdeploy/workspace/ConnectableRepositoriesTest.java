package dev.dropdeploy.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which repositories a project may stay connected to: the URL is stored and shown, the token is not. */
class ConnectableRepositoriesTest {

    private static GitImports imports(boolean allowLocal) {
        return imports(allowLocal, false);
    }

    private static GitImports imports(boolean allowLocal, boolean allowPrivateHosts) {
        return new GitImports(
                null,
                null,
                new WorkspaceProperties(
                        Path.of("/tmp"),
                        DataSize.ofMegabytes(1),
                        10,
                        Duration.ofSeconds(5),
                        allowLocal,
                        allowPrivateHosts),
                host -> new java.net.InetAddress[] {
                    java.net.InetAddress.getByName(host.equals("localhost") ? "127.0.0.1" : "140.82.112.3")
                });
    }

    @Test
    void anHttpsRepositoryMayBeConnected() {
        assertThat(imports(false).checkConnectable(" https://github.com/me/shop.git "))
                .isEqualTo("https://github.com/me/shop.git");
    }

    @Test
    void plainHttpIsOnlyForInstallationsThatAllowLocalRepositories() {
        assertThatThrownBy(() -> imports(false).checkConnectable("http://git.example.com/shop.git"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("https://");
        assertThat(imports(true).checkConnectable("http://127.0.0.1:3000/shop.git"))
                .isEqualTo("http://127.0.0.1:3000/shop.git");
    }

    @Test
    void aTokenInsideTheUrlIsRefusedSoItIsNeverStoredInClear() {
        assertThatThrownBy(() -> imports(false).checkConnectable("https://me:ghp_secret@github.com/me/shop.git"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("own fields")
                .hasMessageNotContaining("ghp_secret");
    }

    @Test
    void localPathsSshAndOtherTransportsAreRefusedEvenWhereLocalImportsAreAllowed() {
        for (String url : new String[] {"file:///srv/repo", "git@github.com:me/shop.git", "ext::sh -c id", ""}) {
            assertThatThrownBy(() -> imports(true).checkConnectable(url))
                    .as(url)
                    .isInstanceOf(WorkspaceException.class);
        }
    }

    @Test
    void credentialsNeverPrintTheirToken() {
        assertThat(new GitCredentials(" ", "ghp_secret").toString())
                .contains("username=git")
                .doesNotContain("ghp_secret");
    }

    @Test
    void aRepositoryOnThisMachineIsRefusedUnlessTheOperatorAllowsLocalImports() {
        assertThatThrownBy(() -> imports(false).checkConnectable("https://localhost/me/shop.git"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("public addresses only");
        assertThat(imports(true).checkConnectable("http://localhost/me/shop.git"))
                .isEqualTo("http://localhost/me/shop.git");
        assertThat(imports(false, true).checkConnectable("https://localhost/me/shop.git"))
                .as("a Git server on the operator's network, allowed by its own setting")
                .isEqualTo("https://localhost/me/shop.git");
    }
}
