package dev.dropdeploy.workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.stereotype.Component;

/** Shallow, single-branch, no submodules, no tags; a watchdog monitor aborts on the size or time limit. */
@Component
class JGitCloner implements RepositoryCloner {

    @Override
    public Cloned shallowClone(
            String url, String branch, GitCredentials credentials, Path target, long maxBytes, Duration timeout) {
        CloneWatchdog watchdog = new CloneWatchdog(target, maxBytes, timeout);
        var clone = Git.cloneRepository()
                .setURI(url)
                .setDirectory(target.toFile())
                .setDepth(1)
                .setNoTags()
                .setCloneSubmodules(false)
                .setTimeout((int) Math.max(1, timeout.toSeconds()))
                .setProgressMonitor(watchdog);
        if (credentials != null) {
            clone.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(credentials.username(), credentials.token()));
        }
        if (branch != null) {
            clone.setBranch(branch).setBranchesToClone(List.of(Constants.R_HEADS + branch));
        }
        try (Git git = clone.call()) {
            watchdog.checkNow();
            Repository repository = git.getRepository();
            var head = repository.resolve(Constants.HEAD);
            if (head == null) {
                throw new WorkspaceException(
                        branch == null
                                ? "The repository is empty"
                                : "The branch \"" + branch + "\" does not exist in the repository");
            }
            String message;
            try (RevWalk walk = new RevWalk(repository)) {
                message = walk.parseCommit(head).getFullMessage();
            }
            return new Cloned(repository.getBranch(), head.getName(), message);
        } catch (InvalidRemoteException | TransportException e) {
            watchdog.checkNow();
            throw new WorkspaceException("Could not read the repository: " + rootMessage(e), e);
        } catch (GitAPIException | java.io.IOException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            watchdog.checkNow();
            throw new WorkspaceException("Could not import the repository: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
