package dev.dropdeploy.workspace;

import dev.dropdeploy.routing.Hostnames;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace module's entry point for projects. */
@Service
public class Projects {

    private final ProjectRepository repository;
    private final VersionStore store;
    private final Clock clock;

    Projects(ProjectRepository repository, VersionStore store, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.clock = clock;
    }

    /** Deletes the project, its versions and its files; deployments go with it (the database cascades). */
    @Transactional
    public void delete(UUID id) {
        repository.deleteById(id);
        store.delete(id);
    }

    /** The project at {@code name}'s address, created when there is none yet. */
    @Transactional
    public ProjectSummary findOrCreate(String name) {
        return findBySlug(Hostnames.slug(name)).orElseGet(() -> create(name));
    }

    @Transactional(readOnly = true)
    public List<ProjectSummary> list() {
        return repository.findAllByOrderByCreatedAtDesc().stream()
                .map(Project::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProjectSummary> find(UUID id) {
        return repository.findById(id).map(Project::summary);
    }

    @Transactional(readOnly = true)
    public Optional<ProjectSummary> findBySlug(String slug) {
        return repository.findBySlug(slug).map(Project::summary);
    }

    /**
     * Creates a project whose web address is derived from its name; a taken address gets the first free numeric
     * suffix ({@code shop}, {@code shop-2}, ...), so two "Shop" projects never share a link.
     */
    @Transactional
    public ProjectSummary create(String name) {
        String base = Hostnames.slug(name);
        String slug = base;
        for (int n = 2; repository.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return repository.save(new Project(name.strip(), slug, clock.instant())).summary();
    }
}
