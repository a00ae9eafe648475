package dev.dropdeploy.deploy;

import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.routing.Route;
import dev.dropdeploy.routing.RouteTable;
import dev.dropdeploy.runtime.AppContainer;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.HealthOutcome;
import dev.dropdeploy.runtime.RuntimeFailure;
import dev.dropdeploy.workspace.PasswordProtection;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * How an app sleeps and wakes; when it does is the sleep module's rule. Sleeping keeps the live deployment's
 * container (stopped, with its data folder and writable layer) and sends the project's hosts to DropDeploy's waker;
 * waking starts that same container, probes it as a deployment does and gives the hosts back to it. Both run on the
 * project's lock, in line with deployments, so neither ever meets a deployment half-way.
 */
@Service
public class SleepingApps {

    private static final Logger log = LoggerFactory.getLogger(SleepingApps.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final DeploymentRepository repository;
    private final DeploymentRecorder recorder;
    private final AppContainers containers;
    private final RouteTable routes;
    private final AppAddresses addresses;
    private final Projects projects;
    private final ProjectLocks locks;
    private final PasswordProtection protection;
    private final SleepingRows rows;
    private final CutoverStep cutover;
    private final DeployProperties properties;
    private final Clock clock;

    SleepingApps(
            DeploymentRepository repository,
            DeploymentRecorder recorder,
            AppContainers containers,
            RouteTable routes,
            AppAddresses addresses,
            Projects projects,
            ProjectLocks locks,
            PasswordProtection protection,
            SleepingRows rows,
            CutoverStep cutover,
            DeployProperties properties,
            Clock clock) {
        this.repository = repository;
        this.recorder = recorder;
        this.containers = containers;
        this.routes = routes;
        this.addresses = addresses;
        this.projects = projects;
        this.locks = locks;
        this.protection = protection;
        this.rows = rows;
        this.cutover = cutover;
        this.properties = properties;
        this.clock = clock;
    }

    /** Ids of the projects whose app sleeps now. */
    public Set<UUID> asleep() {
        return Set.copyOf(rows.all().keySet());
    }

    public boolean isAsleep(UUID projectId) {
        return rows.find(projectId).isPresent();
    }

    /**
     * For DropDeploy's idle rule: puts the project's app to sleep if {@code deploymentId} is still the live one and
     * nothing changed it meanwhile (a deployment that ran first wins: its version is no longer the one found idle).
     *
     * @return whether it fell asleep now
     */
    public boolean fallAsleep(UUID projectId, UUID deploymentId) {
        Optional<ProjectSummary> project = projects.findAsSystem(projectId);
        AtomicBoolean slept = new AtomicBoolean();
        project.ifPresent(p -> locks.run(projectId, () -> slept.set(sleepLocked(p, deploymentId))));
        return slept.get();
    }

    /**
     * Wakes the sleeping app of the project at {@code slug} and waits until Traefik routes its hosts to it again.
     *
     * @return whether its app answers now (also when it was awake already); {@code false} leaves it asleep
     */
    public boolean wake(String slug) {
        Optional<ProjectSummary> project = rows.sleepingProject(slug).flatMap(projects::findAsSystem);
        if (project.isEmpty()) {
            return true; // woken or deployed meanwhile; the visitor's next request reaches the app
        }
        AtomicBoolean awake = new AtomicBoolean();
        locks.run(project.get().id(), () -> awake.set(wakeLocked(project.get())));
        return awake.get();
    }

    private boolean sleepLocked(ProjectSummary project, UUID deploymentId) {
        if (rows.find(project.id()).isPresent()) {
            return false;
        }
        List<Deployment> running = repository.findByProjectIdAndStateInOrderByCreatedAtDesc(
                project.id(), EnumSet.of(DeploymentState.LIVE, DeploymentState.SUPERSEDED));
        Deployment live = running.stream()
                .filter(d -> d.state() == DeploymentState.LIVE && d.id().equals(deploymentId))
                .findFirst()
                .orElse(null);
        if (live == null || live.containerId() == null) {
            return false;
        }
        String slug = project.slug();
        // The waker's router first: while the app's own routers are still there they win, so no request meets a gap.
        routes.publishWaker(slug, List.of(addresses.projectHost(slug), addresses.versionHost(slug, live.version())));
        rows.put(project.id(), live.id(), clock.instant());
        routes.withdraw(RouteNames.project(slug));
        for (Deployment d : running) {
            routes.withdraw(RouteNames.version(slug, d.version()));
            if (d != live && d.containerId() != null) {
                containers.stopAndRemove(d.containerId(), STOP_GRACE);
                recorder.update(d.id(), (deployment, now) -> deployment.markStopped("Stopped when the app slept", now));
            }
        }
        if (!cutover.left(addresses.projectHost(slug), live.id().toString())) {
            log.warn("Traefik still routes {} to its app; stopping it anyway", slug);
        }
        containers.stop(live.containerId(), STOP_GRACE);
        log.info("{} fell asleep (version {})", slug, live.version());
        recorder.publish(new AppFellAsleep(project.id(), live.id()));
        return true;
    }

    private boolean wakeLocked(ProjectSummary project) {
        Optional<Deployment> slept = rows.find(project.id()).flatMap(repository::findById);
        if (slept.isEmpty()) {
            return true;
        }
        Deployment d = slept.get();
        if (d.state() != DeploymentState.LIVE || d.containerId() == null || d.port() == null) {
            forget(project);
            return false;
        }
        AppContainer container;
        try {
            container = containers.startAgain(d.containerId(), d.port());
        } catch (RuntimeFailure e) {
            log.warn("{} could not wake: {}", project.slug(), e.getMessage());
            return false;
        }
        HealthOutcome health = containers.awaitHealthy(container, healthPath(d), properties.healthTimeout());
        if (!health.healthy()) {
            log.warn("{} did not answer after waking: {}", project.slug(), health.detail());
            containers.stop(container.id(), Duration.ZERO);
            return false;
        }
        publishRoutes(project, d, URI.create(container.routeTarget()));
        rows.take(project.id());
        boolean served = cutover.confirmed(addresses.projectHost(project.slug()), d.id().toString());
        routes.withdrawWaker(project.slug());
        log.info("{} woke (version {}){}", project.slug(), d.version(), served ? "" : "; Traefik did not confirm it");
        recorder.publish(new AppWoke(project.id(), d.id()));
        return served;
    }

    private void publishRoutes(ProjectSummary project, Deployment d, URI target) {
        String slug = project.slug();
        List<String> auth = protection.htpasswd(project.id()).stream().toList();
        String id = d.id().toString();
        routes.publish(new Route(
                RouteNames.version(slug, d.version()),
                List.of(addresses.versionHost(slug, d.version())),
                target,
                id,
                auth));
        routes.publish(new Route(RouteNames.project(slug), List.of(addresses.projectHost(slug)), target, id, auth));
    }

    /**
     * For steps that take a project's containers away or replace them (stop, delete, a new live version): it no
     * longer sleeps, and its hosts leave the waker. Call on the project's lock.
     *
     * @return the deployment that slept, whose stopped container the caller retires
     */
    Optional<UUID> forget(ProjectSummary project) {
        routes.withdrawWaker(project.slug());
        return rows.take(project.id());
    }

    /** At start-up: a sleeping app keeps sleeping, its hosts at the waker; never started "back". */
    void restoreWaker(ProjectSummary project, Deployment d) {
        String slug = project.slug();
        routes.publishWaker(slug, List.of(addresses.projectHost(slug), addresses.versionHost(slug, d.version())));
    }

    private static String healthPath(Deployment d) {
        String path = d.detection() == null
                ? null
                : BuildStep.readReport(d.detection()).healthPath();
        return path == null || path.isBlank() ? "/" : path;
    }
}
