package dev.dropdeploy.data;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.build.BaseImages;
import dev.dropdeploy.runtime.DataContainers;
import dev.dropdeploy.runtime.DataFolder;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The data module's entry point: what a project keeps its data in. Attaching is idempotent and never touches data
 * already there; only {@link #detach} with the owner's explicit confirmation, or deleting the project, deletes data.
 * Rolling code back never rolls data back: versions share the folder and the services. Another user's project reads as
 * absent.
 */
@Service
public class DataServices {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DataServices.class);

    private final Projects projects;
    private final StoredDataRepository repository;
    private final DataContainers containers;
    private final ServiceRecipes recipes;
    private final EnvironmentVariables environment;
    private final BaseImages images;
    private final DataProperties properties;
    private final DatabaseDumps dumps;
    private final Clock clock;

    DataServices(
            Projects projects,
            StoredDataRepository repository,
            DataContainers containers,
            ServiceRecipes recipes,
            EnvironmentVariables environment,
            BaseImages images,
            DataProperties properties,
            DatabaseDumps dumps,
            Clock clock) {
        this.projects = projects;
        this.repository = repository;
        this.containers = containers;
        this.recipes = recipes;
        this.environment = environment;
        this.images = images;
        this.properties = properties;
        this.dumps = dumps;
        this.clock = clock;
    }

    public List<AttachedData> list(AccountUser user, UUID projectId) {
        projects.owned(user, projectId);
        return repository.findByKeyProjectIdOrderByKeyKind(projectId).stream()
                .map(d -> d.view(properties.folderQuota().toBytes()))
                .toList();
    }

    /**
     * Gives the project this kind of data (a service starts and its variables are set as secrets); the live app sees
     * them from its next deployment or restart. Attaching what is attached makes sure it runs and changes nothing else.
     *
     * @throws dev.dropdeploy.runtime.RuntimeFailure when the service cannot start, in plain words
     * @throws IllegalStateException when the owner has as many services as allowed
     */
    public AttachedData attach(AccountUser user, UUID projectId, DataKind kind) {
        ProjectSummary project = projects.owned(user, projectId);
        boolean known = repository.existsById(new StoredData.Key(projectId, kind));
        if (!known && kind != DataKind.FOLDER) {
            checkServiceQuota(user);
        }
        if (!known) {
            // Whatever carries this name now was left by a project deleted halfway: never hand its data to this one.
            remove(project, kind);
        }
        if (kind != DataKind.FOLDER) {
            long started = System.nanoTime();
            ensureService(project, kind);
            log.info(
                    "{} of {} takes connections ({} ms after it was asked for)",
                    kind.label(),
                    project.slug(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        StoredData stored = repository
                .findById(new StoredData.Key(projectId, kind))
                .orElseGet(() -> repository.save(new StoredData(projectId, kind, clock.instant())));
        return stored.view(properties.folderQuota().toBytes());
    }

    /**
     * Deletes the data for good: the service with its volume and variables, or the data folder. Refused without
     * {@code confirmed}, and for a data folder while an app of the project still runs with it mounted.
     */
    public void detach(AccountUser user, UUID projectId, DataKind kind, boolean confirmed) {
        ProjectSummary project = projects.owned(user, projectId);
        if (!confirmed) {
            throw new IllegalArgumentException("Detaching " + kind.label() + " deletes its data for good: confirm it"
                    + " (export it first if you may want it back)");
        }
        remove(project, kind);
        repository.deleteById(new StoredData.Key(projectId, kind));
    }

    /** Whether deleting the project would delete data (so the person must confirm it). */
    public boolean hasData(UUID projectId) {
        return !repository.findByKeyProjectIdOrderByKeyKind(projectId).isEmpty();
    }

    /**
     * Deletes every kind of data the project has, for the deletion of the project once its owner confirmed it; its app
     * containers must be gone already (a folder in use cannot be removed).
     */
    public void deleteAll(ProjectSummary project) {
        for (StoredData data : repository.findByKeyProjectIdOrderByKeyKind(project.id())) {
            remove(project, data.kind());
            repository.delete(data);
        }
    }

    /** The data folder to mount in the project's next container, when it has one. For the deploy pipeline. */
    public Optional<DataFolder> folder(UUID projectId) {
        return repository.existsById(new StoredData.Key(projectId, DataKind.FOLDER))
                ? Optional.of(new DataFolder(images.resolve("debian")))
                : Optional.empty();
    }

    /** Why the project may not start now (its data folder is over its quota), for the deploy pipeline. */
    public Optional<String> refusal(UUID projectId) {
        return repository
                .findById(new StoredData.Key(projectId, DataKind.FOLDER))
                .filter(d -> d.usedBytes() > properties.folderQuota().toBytes())
                .map(d -> FolderQuotas.overProject(d.usedBytes(), properties.folderQuota()));
    }

    /** The database as a {@code pg_dump} custom-format archive (restore it with {@code pg_restore}). */
    public void exportDatabase(AccountUser user, UUID projectId, OutputStream out) {
        dumps.export(attached(user, projectId, DataKind.POSTGRES), out);
    }

    /**
     * Replaces the database's contents with a {@code pg_dump} custom-format archive: objects in the archive are dropped
     * and made again; others stay.
     *
     * @return what {@code pg_restore} reported (warnings), empty when it said nothing
     */
    public String importDatabase(AccountUser user, UUID projectId, Path dump) {
        return dumps.restore(attached(user, projectId, DataKind.POSTGRES), dump);
    }

    /** The data folder as a tar archive. */
    public void archiveFolder(AccountUser user, UUID projectId, OutputStream out) {
        ProjectSummary project = attached(user, projectId, DataKind.FOLDER);
        containers.archiveFolder(project.slug(), images.resolve("debian"), out);
    }

    /** Unpacks a tar archive into the data folder (files of the same name are replaced). */
    public void restoreFolder(AccountUser user, UUID projectId, InputStream tar) {
        ProjectSummary project = attached(user, projectId, DataKind.FOLDER);
        containers.restoreFolder(project.slug(), images.resolve("debian"), tar);
    }

    /** Starts the project's service again (or makes it anew on its volume), setting lost variables again. */
    void ensureService(ProjectSummary project, DataKind kind) {
        String existing = environment.forContainer(project.id()).get(ServiceRecipes.passwordVariable(kind));
        String password = existing == null ? ServiceRecipes.newPassword() : existing;
        if (existing == null && repository.existsById(new StoredData.Key(project.id(), kind))) {
            // The owner removed the variables: the old password is unknown, so the server gets the new one.
            containers.replaceServiceContainer(project.slug(), ServiceRecipes.service(kind));
        }
        containers.ensureService(recipes.spec(project.slug(), kind, password), properties.readyTimeout());
        if (existing == null) {
            dumps.changePassword(project, kind, password);
        }
        environment.setManaged(project.id(), ServiceRecipes.variables(kind, password));
    }

    private void remove(ProjectSummary project, DataKind kind) {
        if (kind == DataKind.FOLDER) {
            containers.removeFolder(project.slug());
            return;
        }
        containers.removeService(project.slug(), ServiceRecipes.service(kind));
        environment.removeManaged(project.id(), kind.variables());
    }

    private ProjectSummary attached(AccountUser user, UUID projectId, DataKind kind) {
        ProjectSummary project = projects.owned(user, projectId);
        if (!repository.existsById(new StoredData.Key(projectId, kind))) {
            throw new IllegalArgumentException(project.name() + " has no " + kind.label());
        }
        return project;
    }

    private void checkServiceQuota(AccountUser user) {
        List<UUID> owned = projects.idsOwnedBy(user);
        long services = repository.findByKeyProjectIdIn(owned).stream()
                .filter(d -> d.kind() != DataKind.FOLDER)
                .count();
        if (services >= properties.servicesPerUser()) {
            throw new IllegalStateException("You have " + services + " databases and stores, as many as allowed ("
                    + properties.servicesPerUser() + "); detach one first");
        }
    }
}
