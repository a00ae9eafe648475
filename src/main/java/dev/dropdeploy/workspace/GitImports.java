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

    /** The longest first line of a commit message kept in a version's message. */
    private static final int SUBJECT_LIMIT = 200;

    private final RepositoryCloner cloner;
    private final Workspaces workspaces;
    private final WorkspaceProperties properties;
    private final GitUrls.Resolver resolver;

    @org.springframework.beans.factory.annotation.Autowired
    GitImports(RepositoryCloner cloner, Workspaces workspaces, WorkspaceProperties properties) {
        this(cloner, workspaces, properties, java.net.InetAddress::getAllByName);
    }

    GitImports(
            RepositoryCloner cloner, Workspaces workspaces, WorkspaceProperties properties, GitUrls.Resolver resolver) {
        this.cloner = cloner;
        this.workspaces = workspaces;
        this.properties = properties;
        this.resolver = resolver;
    }

    /**
     * @param branch the branch to import, or {@code null} (or blank) for the repository's default branch
     * @throws WorkspaceException when the URL is not accepted, cannot be read, or a limit is hit; nothing is
     *     recorded then
     */
    public WorkspaceVersion importFrom(UUID projectId, String url, String branch) {
        String checked = checked(url);
        String wanted = branch == null || branch.isBlank() ? null : branch.strip();
        return clone(checked, wanted, null, (checkout, cloned) -> {
                    String message = "Imported from %s@%s %s"
                            .formatted(
                                    GitUrls.redacted(url.strip()),
                                    cloned.branch(),
                                    cloned.commitId().substring(0, 7));
                    return workspaces.commit(projectId, checkout, message);
                })
                .version();
    }

    /**
     * The newest commit of a connected repository's branch as the project's next version, whose message is the
     * commit's subject with its short id and branch.
     *
     * @param credentials {@code null} for a public repository
     * @throws WorkspaceException as {@link #importFrom}; nothing is recorded then
     */
    public ImportedCommit importBranch(UUID projectId, String url, String branch, GitCredentials credentials) {
        String checked = checkConnectable(url);
        return clone(checked, branch, credentials, (checkout, cloned) -> {
            String message = "%s (%s on %s)"
                    .formatted(subject(cloned.message()), cloned.commitId().substring(0, 7), cloned.branch());
            return workspaces.commit(projectId, checkout, message);
        });
    }

    /**
     * A repository a project may stay connected to: https, or http when local Git imports are allowed (tests), and
     * no credentials inside the URL (they belong in the token field, where they are stored sealed).
     *
     * @return the URL to store
     * @throws WorkspaceException naming what is wrong
     */
    public String checkConnectable(String url) {
        String checked = checked(url);
        if (!checked.toLowerCase(java.util.Locale.ROOT).startsWith("https://")
                && !(properties.gitAllowLocal()
                        && checked.toLowerCase(java.util.Locale.ROOT).startsWith("http://"))) {
            throw new WorkspaceException(
                    "Only https:// repositories can be connected; \"" + url.strip() + "\" is not one");
        }
        if (!GitUrls.redacted(checked).equals(checked)) {
            throw new WorkspaceException(
                    "Put the user name and token in their own fields, not in the URL: a URL is shown, a token is not");
        }
        return checked;
    }

    /** The URL's form, and unless the operator allows local imports or private hosts, a public host. */
    private String checked(String url) {
        String checked = GitUrls.check(url, properties.gitAllowLocal());
        if (!properties.gitAllowLocal() && !properties.gitAllowPrivateHosts()) {
            GitUrls.refusePrivateHost(checked, resolver);
        }
        return checked;
    }

    private interface Recorder {
        WorkspaceVersion record(Path checkout, RepositoryCloner.Cloned cloned);
    }

    private ImportedCommit clone(String url, String branch, GitCredentials credentials, Recorder recorder) {
        Path work = null;
        try {
            work = Files.createTempDirectory("dropdeploy-clone-");
            Path checkout = work.resolve("repo");
            RepositoryCloner.Cloned cloned = cloner.shallowClone(
                    url,
                    branch,
                    credentials,
                    checkout,
                    2 * properties.maxVersionSize().toBytes(),
                    properties.gitTimeout());
            WorkspaceVersion version = recorder.record(checkout, cloned);
            return new ImportedCommit(version, cloned.branch(), cloned.commitId(), cloned.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                JGitVersionStore.deleteRecursively(work);
            }
        }
    }

    private static String subject(String message) {
        String first = message == null
                ? ""
                : message.strip().lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return "(no message)";
        }
        return first.length() > SUBJECT_LIMIT ? first.substring(0, SUBJECT_LIMIT) + "…" : first;
    }
}
