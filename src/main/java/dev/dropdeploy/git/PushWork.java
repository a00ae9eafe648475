package dev.dropdeploy.git;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.workspace.GitCredentials;
import dev.dropdeploy.workspace.GitImports;
import dev.dropdeploy.workspace.ImportedCommit;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.environment.SealedValues;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The slow part of a push, off the webhook's request: fetch the commit and deploy it, to the project or to the
 * branch's preview. One project's pushes run one after another in the order they came, so a quick second push is
 * never overtaken by the first; each outcome is written to the push's row.
 */
@Component
class PushWork {

    private static final Logger log = LoggerFactory.getLogger(PushWork.class);

    private final GitImports imports;
    private final Deployments deployments;
    private final Previews previews;
    private final Projects projects;
    private final Accounts accounts;
    private final SealedValues sealed;
    private final GitPushRepository pushes;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentMap<UUID, CompletableFuture<Void>> queues = new ConcurrentHashMap<>();

    PushWork(
            GitImports imports,
            Deployments deployments,
            Previews previews,
            Projects projects,
            Accounts accounts,
            SealedValues sealed,
            GitPushRepository pushes) {
        this.imports = imports;
        this.deployments = deployments;
        this.previews = previews;
        this.projects = projects;
        this.accounts = accounts;
        this.sealed = sealed;
        this.pushes = pushes;
    }

    void submit(GitConnection connection, PushEvent push, GitPush record) {
        inOrder(connection.projectId(), () -> {
            record.outcome(outcome(connection, push, record));
            pushes.save(record);
        });
    }

    /** Runs {@code task} after every task queued before it for the same project. */
    void inOrder(UUID projectId, Runnable task) {
        queues.compute(
                projectId,
                (id, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .thenRunAsync(task, executor)
                        .exceptionally(e -> {
                            log.warn("Git work for project {} failed", id, e);
                            return null;
                        }));
    }

    private String outcome(GitConnection connection, PushEvent push, GitPush record) {
        try {
            AccountUser owner = owner(connection.projectId());
            if (push.deleted()) {
                return previews.remove(owner, connection.projectId(), push.branch())
                        ? "Preview removed"
                        : "No preview of " + push.branch() + " to remove";
            }
            boolean connected = push.branch().equals(connection.branch());
            UUID target = connected
                    ? connection.projectId()
                    : previews.forBranch(owner, connection.projectId(), push.branch());
            ImportedCommit commit;
            try {
                commit = imports.importBranch(target, connection.url(), push.branch(), credentials(connection));
            } catch (RuntimeException e) {
                previews.removeIfNeverDeployed(owner, target, connected);
                throw e;
            }
            record.commit(commit.commitId(), commit.message());
            DeploymentView deployment =
                    deployments.deploy(owner, target, commit.version().number());
            String moved = push.commitId() != null && !push.commitId().equals(commit.commitId())
                    ? " (the branch had moved on to " + commit.commitId().substring(0, 7) + ")"
                    : "";
            return (connected ? "Deploying version " : "Deploying preview version ")
                    + commit.version().number() + " at " + deployment.url() + moved;
        } catch (RuntimeException e) {
            log.info("A push of {} to project {} failed: {}", push.branch(), connection.projectId(), e.getMessage());
            return "Failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private GitCredentials credentials(GitConnection connection) {
        return connection.tokenSealed() == null
                ? null
                : new GitCredentials(connection.username(), sealed.open(connection.tokenSealed()));
    }

    private AccountUser owner(UUID projectId) {
        return projects.ownerIdAsSystem(projectId)
                .filter(accounts::active)
                .flatMap(accounts::find)
                .orElseThrow(() -> new IllegalStateException(
                        "The project's owner is disabled or gone; pushes are not deployed for them"));
    }
}
