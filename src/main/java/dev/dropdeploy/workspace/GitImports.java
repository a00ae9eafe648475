package dev.dropdeploy.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A Git repository's newest commit as the project's next version: shallow, one branch, limited in size and time. */
@Service
public class GitImports {

    private final RepositoryCloner cloner;
    private final Workspaces workspaces;
    private final WorkspaceProperties properties;

    GitImports(RepositoryCloner cloner, Workspaces workspaces, WorkspaceProperties properties) {
        this.cloner = cloner;
        this.workspaces = workspaces;
        this.properties = properties;
    }

    /**
     * @param branch the branch to import, or {@code null} (or blank) for the repository's default branch
     * @throws WorkspaceException when the URL is not accepted, cannot be read, or a limit is hit; nothing is
     *     recorded then
     */
    public WorkspaceVersion importFrom(UUID projectId, String url, String branch) {
        String checked = GitUrls.check(url, properties.gitAllowLocal());
        String wanted = branch == null || branch.isBlank() ? null : branch.strip();
        Path work = null;
        try {
            work = Files.createTempDirectory("dropdeploy-clone-");
            Path checkout = work.resolve("repo");
            RepositoryCloner.Cloned cloned = cloner.shallowClone(
                    checked, wanted, checkout, 2 * properties.maxVersionSize().toBytes(), properties.gitTimeout());
            String message = "Imported from %s@%s %s"
                    .formatted(
                            GitUrls.redacted(url.strip()),
                            cloned.branch(),
                            cloned.commitId().substring(0, 7));
            return workspaces.commit(projectId, checkout, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                JGitVersionStore.deleteRecursively(work);
            }
        }
    }
}
