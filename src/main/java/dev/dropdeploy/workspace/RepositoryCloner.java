package dev.dropdeploy.workspace;

import java.nio.file.Path;
import java.time.Duration;

/** Fetches one branch of a remote repository's newest commit into a folder. The only place that knows JGit clones. */
interface RepositoryCloner {

    /**
     * @param branch the branch to check out, or {@code null} for the remote's default branch
     * @param maxBytes the most the folder (checkout and Git data) may grow to before the clone is aborted
     * @throws WorkspaceException when the repository cannot be read, the branch does not exist, or a limit is hit
     */
    default Cloned shallowClone(String url, String branch, Path target, long maxBytes, Duration timeout) {
        return shallowClone(url, branch, null, target, maxBytes, timeout);
    }

    /** @param credentials sent when the server asks for them; {@code null} for a public repository */
    Cloned shallowClone(
            String url, String branch, GitCredentials credentials, Path target, long maxBytes, Duration timeout);

    /**
     * @param branch the branch checked out
     * @param commitId the commit's full id
     * @param message the commit's full message
     */
    record Cloned(String branch, String commitId, String message) {}
}
