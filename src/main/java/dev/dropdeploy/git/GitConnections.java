package dev.dropdeploy.git;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.workspace.GitImports;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.WorkspaceException;
import dev.dropdeploy.workspace.environment.SealedValues;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Git module's entry point: connect a project to a repository's branch, disconnect it, and read the connection
 * with its recent pushes and previews. The token and the webhook secret are sealed with the secrets key and never
 * leave this module again (the secret is shown once, when it is made). Another user's project reads as absent.
 */
@Service
public class GitConnections {

    static final String HOOK_PATH = "/api/v1/hooks/git/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BRANCH_LIMIT = 255;

    private final GitConnectionRepository connections;
    private final GitPushRepository pushes;
    private final GitPreviewRepository previews;
    private final Projects projects;
    private final GitImports imports;
    private final SealedValues sealed;
    private final Clock clock;

    GitConnections(
            GitConnectionRepository connections,
            GitPushRepository pushes,
            GitPreviewRepository previews,
            Projects projects,
            GitImports imports,
            SealedValues sealed,
            Clock clock) {
        this.connections = connections;
        this.pushes = pushes;
        this.previews = previews;
        this.projects = projects;
        this.imports = imports;
        this.sealed = sealed;
        this.clock = clock;
    }

    /**
     * Connects the project to {@code branch} of {@code url}, or changes its connection (keeping the webhook and its
     * secret). A blank token means a public repository.
     *
     * @throws WorkspaceException when the URL is not one that may be connected
     * @throws IllegalArgumentException when the branch name is not one Git allows, or the project is a preview
     */
    @Transactional
    public NewGitConnection connect(
            AccountUser user, UUID projectId, String url, String branch, String username, String token) {
        ProjectSummary project = projects.owned(user, projectId);
        if (previews.existsById(project.id())) {
            throw new IllegalArgumentException("A branch preview cannot be connected; connect the project it previews");
        }
        String checkedUrl = imports.checkConnectable(url);
        String checkedBranch = checkBranch(branch);
        String user1 = username == null || username.isBlank() ? null : username.strip();
        if (user1 != null && user1.length() > 200) {
            throw new IllegalArgumentException("The user name is longer than 200 characters");
        }
        String tokenSealed = token == null || token.isBlank() ? null : sealed.seal(token.strip());
        Optional<GitConnection> existing = connections.findById(projectId);
        String secret = existing.isPresent() ? null : randomHex(32);
        GitConnection connection = new GitConnection(
                projectId,
                checkedUrl,
                checkedBranch,
                user1,
                tokenSealed,
                existing.map(GitConnection::hookId).orElseGet(() -> randomHex(24)),
                existing.map(GitConnection::secretSealed).orElseGet(() -> sealed.seal(secret)),
                existing.map(GitConnection::createdAt).orElseGet(clock::instant));
        connections.save(connection);
        return new NewGitConnection(view(connection), secret);
    }

    /**
     * Ends the connection: the webhook stops working at once; previews are removed by the sweeper within a minute.
     *
     * @return whether the project was connected
     */
    @Transactional
    public boolean disconnect(AccountUser user, UUID projectId) {
        projects.owned(user, projectId);
        if (!connections.existsById(projectId)) {
            return false;
        }
        connections.deleteById(projectId);
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<GitConnectionView> find(AccountUser user, UUID projectId) {
        projects.owned(user, projectId);
        return connections.findById(projectId).map(this::view);
    }

    private GitConnectionView view(GitConnection c) {
        List<GitPushView> recent = pushes.findTop20ByProjectIdOrderByIdDesc(c.projectId()).stream()
                .map(GitPush::view)
                .toList();
        List<GitPreviewView> branches = previews.findByParentIdOrderByBranch(c.projectId()).stream()
                .flatMap(p -> projects.findAsSystem(p.projectId()).stream()
                        .map(s -> new GitPreviewView(p.branch(), s.id(), s.slug(), p.expiresAt())))
                .toList();
        return new GitConnectionView(
                c.url(),
                c.branch(),
                c.username(),
                c.tokenSealed() != null,
                HOOK_PATH + c.hookId(),
                c.createdAt(),
                recent,
                branches);
    }

    /** Git's own rules for a branch name, as far as they matter here (no refspec tricks, no path escapes). */
    static String checkBranch(String branch) {
        String b = branch == null || branch.isBlank() ? "main" : branch.strip();
        if (b.length() > BRANCH_LIMIT
                || b.startsWith("-")
                || b.startsWith("/")
                || b.endsWith("/")
                || b.endsWith(".lock")
                || b.contains("..")
                || b.contains("//")
                || b.contains("@{")
                || !b.matches("[^\\x00-\\x20\\x7f~^:?*\\[\\\\]+")) {
            throw new IllegalArgumentException("\"" + b + "\" is not a branch name Git allows");
        }
        return b;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
