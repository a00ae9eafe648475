package dev.dropdeploy.deploy;

import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.ManagedContainer;
import dev.dropdeploy.runtime.RuntimeFailure;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Stops a project whose app writes more than its share into its container. Apps whose root cannot be read-only (Node,
 * a project's own Dockerfile) write into the container's layer, which the engine here cannot cap, so one app could
 * fill the host's disk; this is the limit, checked on a schedule, with the reason shown to the owner.
 */
@Component
class StorageWatch implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StorageWatch.class);

    private final AppContainers containers;
    private final Projects projects;
    private final ProjectControls controls;
    private final DeployProperties properties;
    private final DeploymentRepository repository;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("storage-watch").daemon().factory());

    StorageWatch(
            AppContainers containers,
            Projects projects,
            ProjectControls controls,
            DeployProperties properties,
            DeploymentRepository repository) {
        this.repository = repository;
        this.containers = containers;
        this.projects = projects;
        this.controls = controls;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        long every = properties.writableCheck().toSeconds();
        scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.SECONDS);
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

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
