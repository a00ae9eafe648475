package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.build.ImageBuilds;
import dev.dropdeploy.data.DataFolderOverQuota;
import dev.dropdeploy.data.DataServices;
import dev.dropdeploy.routing.RouteTable;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.workspace.PasswordProtection;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What an owner does to a whole project besides deploying: stop, start and restart it, read its output, delete it.
 * Another user's project reads as absent ({@link dev.dropdeploy.workspace.ProjectNotFound}).
 */
@Service
public class ProjectControls {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final DeploymentRepository repository;
    private final DeploymentRecorder recorder;
    private final AppContainers containers;
    private final RouteTable routes;
    private final ImageBuilds images;
    private final Projects projects;
    private final ProjectLocks locks;
    private final PasswordProtection protection;
    private final Deployments deployments;
    private final DataServices data;
    private final SleepingApps sleeping;

    ProjectControls(
            DeploymentRepository repository,
            DeploymentRecorder recorder,
            AppContainers containers,
            RouteTable routes,
            ImageBuilds images,
            Projects projects,
            ProjectLocks locks,
            PasswordProtection protection,
            Deployments deployments,
            DataServices data,
            SleepingApps sleeping) {
        this.sleeping = sleeping;
        this.deployments = deployments;
        this.data = data;
        this.repository = repository;
        this.recorder = recorder;
        this.containers = containers;
        this.routes = routes;
        this.images = images;
        this.projects = projects;
        this.locks = locks;
        this.protection = protection;
    }

    /**
     * Takes the project offline: stops every container it runs and withdraws its routes. Its images stay, so {@link
     * Deployments#rollback} to the last live version starts it again without a build.
     */
    public void stop(AccountUser user, UUID projectId) {
        stop(projects.owned(user, projectId), "Stopped by its owner");
    }

    /**
     * Puts the newest version that was built and did not fail back live from its image, without a build: what a
     * stopped project needs to run again.
     *
     * @throws NothingToRun when no version of the project was ever built
     */
    public DeploymentView start(AccountUser user, UUID projectId) {
        int version = deployments.history(user, projectId).stream()
                .filter(d -> d.image() != null && d.state() != DeploymentState.FAILED)
                .mapToInt(DeploymentView::version)
                .findFirst()
                .orElseThrow(() -> new NothingToRun("Nothing to start: no version of this project was ever built"));
        return deployments.rollback(user, projectId, version);
    }

    /**
     * Starts the live version again in a new container from its image, so changed environment variables apply.
     *
     * @throws NothingToRun when nothing is live
     */
    public DeploymentView restart(AccountUser user, UUID projectId) {
        int version = deployments
                .live(user, projectId)
                .map(DeploymentView::version)
                .orElseThrow(() -> new NothingToRun("Nothing to restart: no version is live; start it instead"));
        return deployments.rollback(user, projectId, version);
    }

    /** The project is in no state for what was asked (nothing live to restart, nothing built to start). */
    public static final class NothingToRun extends RuntimeException {
        NothingToRun(String message) {
            super(message);
        }
    }

    /** For DropDeploy itself (a limit it enforces): the same as an owner's stop, with the reason shown to them. */
    void stop(ProjectSummary project, String reason) {
        locks.run(project.id(), () -> {
            sleeping.forget(project);
            for (Deployment d : running(project.id())) {
                routes.withdraw(versionRoute(d, project));
                if (d.containerId() != null) {
                    containers.stopAndRemove(d.containerId(), STOP_GRACE);
                }
                recorder.update(d.id(), (deployment, now) -> deployment.markStopped(reason, now));
            }
            routes.withdraw(RouteNames.project(project.slug()));
        });
    }

    /**
     * Puts a password in front of the app (HTTP basic auth) and applies it to the routes it has now; later
     * deployments carry it too.
     */
    public void protect(AccountUser user, UUID projectId, String username, String password) {
        protection.protect(user, projectId, username, password);
        applyProtection(projects.owned(user, projectId));
    }

    public void unprotect(AccountUser user, UUID projectId) {
        protection.unprotect(user, projectId);
        applyProtection(projects.owned(user, projectId));
    }

    public boolean isProtected(AccountUser user, UUID projectId) {
        projects.owned(user, projectId);
        return protection.htpasswd(projectId).isPresent();
    }

    private void applyProtection(ProjectSummary project) {
        List<String> auth = protection.htpasswd(project.id()).stream().toList();
        locks.run(project.id(), () -> {
            routes.find(RouteNames.project(project.slug())).ifPresent(r -> routes.publish(r.withBasicAuth(auth)));
            for (Deployment d : running(project.id())) {
                routes.find(versionRoute(d, project)).ifPresent(r -> routes.publish(r.withBasicAuth(auth)));
            }
        });
    }

    /** The live container's last {@code lines} lines of output, or an empty list when nothing runs. */
    public List<String> runtimeLogs(AccountUser user, UUID projectId, int lines) {
        return liveContainer(user, projectId)
                .map(id -> containers.logs(id, lines))
                .orElse(List.of());
    }

    /**
     * Sends each new line the live app prints to {@code sink} until the handle is closed; a no-op handle when
     * nothing runs.
     */
    public AutoCloseable followRuntimeLogs(AccountUser user, UUID projectId, java.util.function.Consumer<String> sink) {
        return liveContainer(user, projectId)
                .map(id -> containers.followLogs(id, sink))
                .orElse(() -> {});
    }

    private java.util.Optional<String> liveContainer(AccountUser user, UUID projectId) {
        projects.owned(user, projectId);
        return repository
                .findByProjectIdAndStateInOrderByCreatedAtDesc(projectId, EnumSet.of(DeploymentState.LIVE))
                .stream()
                .findFirst()
                .map(Deployment::containerId);
    }

    /** Deletes a project that keeps no data; one that does needs {@link #delete(AccountUser, UUID, boolean)}. */
    public void delete(AccountUser user, UUID projectId) {
        delete(user, projectId, false);
    }

    /**
     * Stops and removes everything the project runs, its routes and images, then the project and its files; with
     * {@code deleteData} also its data folder and databases, which are otherwise a reason to refuse.
     *
     * @throws IllegalStateException when the project has data and {@code deleteData} is false
     */
    public void delete(AccountUser user, UUID projectId, boolean deleteData) {
        ProjectSummary project = projects.owned(user, projectId);
        if (!deleteData && data.hasData(projectId)) {
            throw new IllegalStateException(project.name() + " keeps data (a data folder or a database): download"
                    + " what you want to keep, then confirm that its data is deleted too");
        }
        locks.run(projectId, () -> {
            // First: a folder an app container still mounts cannot be removed; services are disconnected with the
            // network.
            containers.removeProject(project.slug());
            if (deleteData) {
                data.deleteAll(project);
            }
            routes.withdraw(RouteNames.project(project.slug()));
            sleeping.forget(project);
            repository
                    .findByProjectIdOrderByCreatedAtDesc(projectId)
                    .forEach(d -> routes.withdraw(versionRoute(d, project)));
            images.prune(project.slug(), Set.of());
            projects.delete(user, projectId);
        });
    }

    /** A data folder over its quota stops the project, with the reason its owner sees. */
    @EventListener
    void onDataFolderOverQuota(DataFolderOverQuota event) {
        projects.findAsSystem(event.projectId())
                .filter(project -> !running(project.id()).isEmpty())
                .ifPresent(project -> stop(project, event.reason()));
    }

    private List<Deployment> running(UUID projectId) {
        return repository.findByProjectIdAndStateInOrderByCreatedAtDesc(
                projectId, EnumSet.of(DeploymentState.LIVE, DeploymentState.SUPERSEDED));
    }

    private static String versionRoute(Deployment d, ProjectSummary project) {
        return RouteNames.version(project.slug(), d.version());
    }
}
