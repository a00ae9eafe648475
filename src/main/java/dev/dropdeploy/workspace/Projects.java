package dev.dropdeploy.workspace;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Quotas;
import dev.dropdeploy.routing.Hostnames;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace module's entry point for projects. Every lookup on behalf of a user is scoped to what that user may
 * reach ({@link AccountUser#mayAccess}); another user's project reads as absent.
 */
@Service
public class Projects {

    private final ProjectRepository repository;
    private final VersionStore store;
    private final Quotas quotas;
    private final Clock clock;

    Projects(ProjectRepository repository, VersionStore store, Quotas quotas, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.quotas = quotas;
        this.clock = clock;
    }

    /**
     * Deletes the project, its versions and its files; deployments go with it (the database cascades).
     *
     * @throws ProjectNotFound when the user may not reach it
     */
    @Transactional
    public void delete(AccountUser user, UUID id) {
        owned(user, id);
        repository.deleteById(id);
        store.delete(id);
    }

    /**
     * The user's project at {@code name}'s address, created when there is none yet.
     *
     * @throws ProjectNotFound when the address belongs to another user's project
     */
    @Transactional
    public ProjectSummary findOrCreate(AccountUser user, String name) {
        String slug = Hostnames.slug(name);
        Optional<Project> existing = repository.findBySlug(slug);
        if (existing.isPresent()) {
            return accessible(user, existing.get())
                    .orElseThrow(() -> new ProjectNotFound(slug + " of yours; that address is taken, pick a new name"));
        }
        return create(user, name);
    }

    /**
     * The user's projects, newest first; an admin's list holds everyone's. Branch previews are left out: they are shown
     * with the project they preview.
     */
    @Transactional(readOnly = true)
    public List<ProjectSummary> list(AccountUser user) {
        List<Project> found = user.admin()
                ? repository.findByPreviewOfIsNullOrderByCreatedAtDesc()
                : repository.findByOwnerIdAndPreviewOfIsNullOrderByCreatedAtDesc(user.id());
        return found.stream().map(Project::summary).toList();
    }

    /** Ids of the projects the user owns (not those an admin merely may see), for quota counts. */
    @Transactional(readOnly = true)
    public List<UUID> idsOwnedBy(AccountUser user) {
        return repository.findByOwnerIdOrderByCreatedAtDesc(user.id()).stream()
                .map(p -> p.summary().id())
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProjectSummary> find(AccountUser user, UUID id) {
        return repository.findById(id).flatMap(p -> accessible(user, p));
    }

    @Transactional(readOnly = true)
    public Optional<ProjectSummary> findOwned(AccountUser user, String slug) {
        return repository.findBySlug(slug).flatMap(p -> accessible(user, p));
    }

    /** @throws ProjectNotFound when the project is absent or the user may not reach it */
    @Transactional(readOnly = true)
    public ProjectSummary owned(AccountUser user, UUID id) {
        return find(user, id).orElseThrow(() -> new ProjectNotFound(id.toString()));
    }

    /**
     * Unscoped, for work no user asked for at that moment: the pipeline running an already accepted deployment and
     * reconciliation at start-up. Never call it with an id taken from a request.
     */
    @Transactional(readOnly = true)
    public Optional<ProjectSummary> findAsSystem(UUID id) {
        return repository.findById(id).map(Project::summary);
    }

    /** Who owns the project; unscoped like {@link #findAsSystem}, for per-owner sums no request asked for. */
    @Transactional(readOnly = true)
    public Optional<UUID> ownerIdAsSystem(UUID id) {
        return repository.findById(id).map(Project::ownerId);
    }

    /**
     * Creates a project owned by {@code owner} whose web address is derived from its name; a taken address gets the
     * first free numeric suffix ({@code shop}, {@code shop-2}, ...), so two "Shop" projects never share a link.
     *
     * @throws dev.dropdeploy.account.QuotaExceeded when the owner has as many projects as allowed
     */
    @Transactional
    public ProjectSummary create(AccountUser owner, String name) {
        quotas.checkNewProject(owner, repository.countByOwnerId(owner.id()));
        String base = Hostnames.slug(name);
        String slug = base;
        for (int n = 2; repository.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return repository
                .save(new Project(owner.id(), name.strip(), slug, clock.instant()))
                .summary();
    }

    /**
     * A project of its own that previews a branch of {@code parentId} at {@code slug} (see
     * {@link Hostnames#previewSlug}), owned by the parent's owner and protected by the same password. It counts against
     * the owner's project quota like any other.
     *
     * @throws dev.dropdeploy.account.QuotaExceeded when the owner has as many projects as allowed
     * @throws IllegalStateException when {@code slug} is taken
     */
    @Transactional
    public ProjectSummary createPreview(AccountUser owner, UUID parentId, String branch, String slug) {
        Project parent = repository
                .findById(parentId)
                .filter(p -> owner.mayAccess(p.ownerId()))
                .orElseThrow(() -> new ProjectNotFound(parentId.toString()));
        quotas.checkNewProject(owner, repository.countByOwnerId(owner.id()));
        if (repository.existsBySlug(slug)) {
            throw new IllegalStateException("The address " + slug + " is taken");
        }
        String name = parent.summary().name() + " (" + branch + ")";
        return repository
                .save(Project.preview(
                        parent, name.length() > 200 ? name.substring(0, 200) : name, slug, clock.instant()))
                .summary();
    }

    private static Optional<ProjectSummary> accessible(AccountUser user, Project project) {
        return user.mayAccess(project.ownerId()) ? Optional.of(project.summary()) : Optional.empty();
    }
}
