package dev.dropdeploy.git;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.routing.Hostnames;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Branch previews: each is a project of its own at {@code <branch>--<slug>}, owned by the connected project's owner,
 * so it is built, routed, limited, counted against quotas and deleted exactly as any project is. This class only
 * decides which project previews which branch and until when.
 */
@Component
class Previews {

    private final GitPreviewRepository repository;
    private final Projects projects;
    private final Workspaces workspaces;
    private final ProjectControls controls;
    private final Accounts accounts;
    private final GitProperties properties;
    private final Clock clock;

    Previews(
            GitPreviewRepository repository,
            Projects projects,
            Workspaces workspaces,
            ProjectControls controls,
            Accounts accounts,
            GitProperties properties,
            Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.workspaces = workspaces;
        this.controls = controls;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The project previewing {@code branch}, made on its first push; each push renews its time to live.
     *
     * @throws dev.dropdeploy.account.QuotaExceeded when the owner may not have another project
     */
    UUID forBranch(AccountUser owner, UUID parentId, String branch) {
        Instant until = clock.instant().plus(properties.previewTtl());
        GitPreview preview = repository
                .findByParentIdAndBranch(parentId, branch)
                .orElseGet(() -> new GitPreview(create(owner, parentId, branch).id(), parentId, branch, until));
        preview.renewUntil(until);
        return repository.save(preview).projectId();
    }

    /** @return whether there was a preview of the branch */
    boolean remove(AccountUser owner, UUID parentId, String branch) {
        return repository
                .findByParentIdAndBranch(parentId, branch)
                .map(preview -> {
                    delete(owner, preview);
                    return true;
                })
                .isPresent();
    }

    /** A preview made for a push whose fetch failed is not left behind empty. */
    void removeIfNeverDeployed(AccountUser owner, UUID projectId, boolean connected) {
        if (!connected && workspaces.versions(projectId).isEmpty()) {
            repository.findById(projectId).ifPresent(preview -> delete(owner, preview));
        }
    }

    /** Previews past their time to live, and those of projects no longer connected (disconnected or deleted). */
    Collection<GitPreview> due(Instant now) {
        Map<UUID, GitPreview> due = new LinkedHashMap<>();
        repository.findByExpiresAtBefore(now).forEach(p -> due.put(p.projectId(), p));
        repository.findOrphans().forEach(p -> due.put(p.projectId(), p));
        return due.values();
    }

    /** Deletes the preview's project the way any project is deleted: containers, routes, images, data, files. */
    void delete(GitPreview preview) {
        projects.ownerIdAsSystem(preview.projectId())
                .flatMap(accounts::find)
                .ifPresentOrElse(owner -> delete(owner, preview), () -> repository.delete(preview));
    }

    private void delete(AccountUser owner, GitPreview preview) {
        if (projects.findAsSystem(preview.projectId()).isPresent()) {
            controls.delete(owner, preview.projectId(), true);
        }
        repository.findById(preview.projectId()).ifPresent(repository::delete);
    }

    private ProjectSummary create(AccountUser owner, UUID parentId, String branch) {
        ProjectSummary parent =
                projects.find(owner, parentId).orElseThrow(() -> new IllegalStateException("The project is gone"));
        try {
            return projects.createPreview(owner, parentId, branch, Hostnames.previewSlug(branch, parent.slug()));
        } catch (IllegalStateException taken) {
            // Another branch with the same DNS label (feature/x and feature-x): the branch's hash tells them apart.
            return projects.createPreview(
                    owner, parentId, branch, Hostnames.previewSlug(shortHash(branch) + "-" + branch, parent.slug()));
        }
    }

    private static String shortHash(String branch) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(branch.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
