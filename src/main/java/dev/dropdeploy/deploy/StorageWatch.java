package dev.dropdeploy.deploy;

import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.ManagedContainer;
import dev.dropdeploy.runtime.RuntimeFailure;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Stops a project whose app writes more than its share into its container. Apps whose root cannot be read-only (Node,
 * a project's own Dockerfile) write into the container's layer, which the engine here cannot cap, so one app could
 * fill the host's disk; this is the limit, checked on a schedule, with the reason shown to the owner.
 */
@Component
class StorageWatch {

    private static final Logger log = LoggerFactory.getLogger(StorageWatch.class);

    private final AppContainers containers;
    private final Projects projects;
    private final ProjectControls controls;
    private final DeployProperties properties;
    private final DeploymentRepository repository;
    private final TaskScheduler scheduler;

    StorageWatch(
            AppContainers containers,
            Projects projects,
            ProjectControls controls,
            DeployProperties properties,
            DeploymentRepository repository,
            TaskScheduler scheduler) {
        this.repository = repository;
        this.scheduler = scheduler;
        this.containers = containers;
        this.projects = projects;
        this.controls = controls;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        Duration every = properties.writableCheck();
        scheduler.scheduleWithFixedDelay(this::check, Instant.now().plus(every), every);
    }

    void check() {
        try {
            long limit = properties.writableLimit().toBytes();
            for (ManagedContainer container : containers.writingMoreThan(limit)) {
                projectOf(container).ifPresent(project -> {
                    log.warn(
                            "{} wrote more than {} MB into its container; stopping {}",
                            container.name(),
                            properties.writableLimit().toMegabytes(),
                            project.slug());
                    controls.stop(project, reason());
                });
            }
        } catch (RuntimeFailure e) {
            log.warn("Could not measure the apps' writable layers: {}", e.getMessage());
        }
    }

    private Optional<ProjectSummary> projectOf(ManagedContainer container) {
        try {
            return repository
                    .findById(UUID.fromString(container.deploymentId()))
                    .flatMap(d -> projects.findAsSystem(d.projectId()));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private String reason() {
        return "The app wrote more than %d MB inside its container (outside /tmp), so it was stopped to keep the"
                        .formatted(properties.writableLimit().toMegabytes())
                + " server's disk free. Keep files it creates small, or in /tmp, and deploy again.";
    }
}
