package dev.dropdeploy.data;

import dev.dropdeploy.runtime.RuntimeFailure;
import dev.dropdeploy.workspace.Projects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings every attached service back at start-up: the engine's restart policy usually has, but a container that
 * vanished (a restore on a new machine, an operator's prune) is made again on its volume. Runs before app
 * reconciliation, so an app that starts again finds its database.
 */
@Component
class DataStartup {

    private static final Logger log = LoggerFactory.getLogger(DataStartup.class);

    private final StoredDataRepository repository;
    private final Projects projects;
    private final DataServices data;

    DataStartup(StoredDataRepository repository, Projects projects, DataServices data) {
        this.repository = repository;
        this.projects = projects;
        this.data = data;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void ensureServicesRun() {
        int running = 0;
        for (DataKind kind : new DataKind[] {DataKind.POSTGRES, DataKind.VALKEY}) {
            for (StoredData stored : repository.findByKeyKind(kind)) {
                try {
                    projects.findAsSystem(stored.projectId()).ifPresent(project -> data.ensureService(project, kind));
                    running++;
                } catch (RuntimeFailure | IllegalStateException e) {
                    log.warn("Could not start {} of project {}: {}", kind.label(), stored.projectId(), e.getMessage());
                }
            }
        }
        if (running > 0) {
            log.info("Data services: {} running", running);
        }
    }
}
