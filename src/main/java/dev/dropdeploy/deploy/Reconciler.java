package dev.dropdeploy.deploy;

import dev.dropdeploy.build.ImageBuilds;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.routing.Route;
import dev.dropdeploy.routing.RouteTable;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.ManagedContainer;
import dev.dropdeploy.workspace.PasswordProtection;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, makes the database, Docker and the route table agree: deployments interrupted by a restart fail,
 * Traefik joins every project network again, live containers get their routes back (stopped ones are started), a live
 * version whose container vanished is marked stopped and deployed again (a restore on a new machine), and containers
 * nobody owns are removed.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final DeploymentRepository repository;
    private final DeploymentRecorder recorder;
    private final AppContainers containers;
    private final RouteTable routes;
    private final AppAddresses addresses;
    private final Projects projects;
    private final PasswordProtection protection;
    private final Deployments deployments;
    private final ImageBuilds images;
    private final SleepingRows sleepingRows;
    private final SleepingApps sleeping;

    Reconciler(
            DeploymentRepository repository,
            DeploymentRecorder recorder,
            AppContainers containers,
            RouteTable routes,
            AppAddresses addresses,
            Projects projects,
            PasswordProtection protection,
            Deployments deployments,
            ImageBuilds images,
            SleepingRows sleepingRows,
            SleepingApps sleeping) {
        this.sleepingRows = sleepingRows;
        this.sleeping = sleeping;
        this.deployments = deployments;
        this.images = images;
        this.protection = protection;
        this.repository = repository;
        this.recorder = recorder;
        this.containers = containers;
        this.routes = routes;
        this.addresses = addresses;
        this.projects = projects;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        List<Deployment> lost = new ArrayList<>();
        try {
            failInterrupted();
            containers.connectRouterToAllNetworks();
            Set<String> keep = restoreRunning(lost);
            List<ManagedContainer> reaped = containers.reapExcept(keep);
            log.info("Reconciled: {} app containers serving, {} orphans removed", keep.size(), reaped.size());
            // Only after the reap, which would take the new containers for orphans.
            lost.forEach(this::redeployQuietly);
        } catch (RuntimeException e) {
            // Never stop DropDeploy from starting: a broken engine or database is reported and the UI says more.
            log.warn("Could not reconcile at start-up: {}", e.getMessage(), e);
        } finally {
            routes.markRestored();
        }
    }

    private void failInterrupted() {
        EnumSet<DeploymentState> running = EnumSet.of(
                DeploymentState.QUEUED, DeploymentState.BUILDING, DeploymentState.STARTING, DeploymentState.HEALTHY);
        for (Deployment d : repository.findByStateIn(running)) {
            recorder.update(
                    d.id(),
                    (deployment, now) -> deployment.markFailed(
                            "DropDeploy restarted while this deployment was running; deploy again", now));
        }
    }

    private Set<String> restoreRunning(List<Deployment> lost) {
        // Stopped ones count too: after an engine restart an app may not be running yet, and deleting it would take a
        // live version offline for good.
        Map<String, ManagedContainer> byId =
                containers.managed().stream().collect(Collectors.toMap(ManagedContainer::id, Function.identity()));
        Set<String> keep = new HashSet<>();
        Set<java.util.UUID> asleep = Set.copyOf(sleepingRows.all().values());
        for (Deployment d : repository.findByStateIn(EnumSet.of(DeploymentState.LIVE, DeploymentState.SUPERSEDED))) {
            try {
                if (asleep.contains(d.id()) && keptAsleep(d, byId, keep)) {
                    continue;
                }
                restore(d, byId, keep, lost);
            } catch (RuntimeException e) {
                // One app's trouble must not leave every later app without its routes.
                log.warn("Could not restore deployment {} at start-up: {}", d.id(), e.getMessage());
                if (d.containerId() != null) {
                    keep.add(d.containerId()); // never reap what could not be checked
                }
            }
        }
        return keep;
    }

    /**
     * A sleeping app is not a stopped app to repair: its container stays stopped and its hosts go to the waker again.
     * One whose container vanished is no longer asleep; it is restored as any lost live version.
     */
    private boolean keptAsleep(Deployment d, Map<String, ManagedContainer> byId, Set<String> keep) {
        ManagedContainer container = d.containerId() == null ? null : byId.get(d.containerId());
        Optional<ProjectSummary> project = projects.findAsSystem(d.projectId());
        if (container == null || project.isEmpty()) {
            project.ifPresentOrElse(sleeping::forget, () -> sleepingRows.take(d.projectId()));
            return false;
        }
        keep.add(container.id());
        sleeping.restoreWaker(project.get(), d);
        return true;
    }

    private void restore(Deployment d, Map<String, ManagedContainer> byId, Set<String> keep, List<Deployment> lost) {
        ManagedContainer container = startedAgain(d.containerId() == null ? null : byId.get(d.containerId()));
        if (container == null) {
            recorder.update(
                    d.id(),
                    (deployment, now) -> deployment.markStopped("Its container was gone when DropDeploy started", now));
            if (d.state() == DeploymentState.LIVE) {
                lost.add(d);
            }
            return;
        }
        keep.add(container.id());
        projects.findAsSystem(d.projectId()).ifPresent(project -> republish(d, container, project));
    }

    private void redeployQuietly(Deployment lost) {
        try {
            redeploy(lost);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not deploy version {} of project {} again: {}",
                    lost.version(),
                    lost.projectId(),
                    e.getMessage());
        }
    }

    private void redeploy(Deployment lost) {
        projects.findAsSystem(lost.projectId()).ifPresent(project -> {
            boolean imageLeft = lost.image() != null && lost.detection() != null && images.exists(lost.image());
            log.info(
                    "Version {} of {} was live but its container is gone; deploying it again{}",
                    lost.version(),
                    project.slug(),
                    imageLeft ? " from its image" : "");
            deployments.restoreLive(project, lost.version(), imageLeft ? lost : null);
        });
    }

    /** The container, started when it is not running; {@code null} when it is gone or cannot start. */
    private ManagedContainer startedAgain(ManagedContainer container) {
        if (container == null || container.running() || containers.startExisting(container.id())) {
            return container;
        }
        return null;
    }

    /** Container names are their DNS names on the project network, which Traefik shares. */
    private void republish(Deployment d, ManagedContainer container, ProjectSummary project) {
        URI target = URI.create("http://" + container.name() + ":" + d.port());
        String id = d.id().toString();
        List<String> auth = protection.htpasswd(project.id()).stream().toList();
        routes.publish(new Route(
                RouteNames.version(project.slug(), d.version()),
                List.of(addresses.versionHost(project.slug(), d.version())),
                target,
                id,
                auth));
        if (d.state() == DeploymentState.LIVE) {
            routes.publish(new Route(
                    RouteNames.project(project.slug()),
                    List.of(addresses.projectHost(project.slug())),
                    target,
                    id,
                    auth));
        }
    }
}
