package dev.dropdeploy.deploy;

import dev.dropdeploy.runtime.RuntimeProperties;
import dev.dropdeploy.runtime.SwarmProperties;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many replicas a project's app runs. The setting applies from the next deployment (a restart applies it now,
 * through the usual zero-downtime switch: the new service's tasks start and answer before the route moves to them).
 * Bounded by {@code dropdeploy.runtime.swarm.max-replicas}, the one limit the API, the CLI and the project page share;
 * the engine backend runs one container per version and refuses more.
 */
@Component
public class ProjectReplicas {

    private final JdbcTemplate jdbc;
    private final RuntimeProperties runtime;
    private final SwarmProperties swarm;

    ProjectReplicas(JdbcTemplate jdbc, RuntimeProperties runtime, SwarmProperties swarm) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.swarm = swarm;
    }

    /**
     * 1 when the project never set it; never more than today's {@link #limit()}, so lowering the limit or going back
     * to the engine backend leaves every project deployable with fewer replicas instead of failing its deployments.
     */
    public int of(UUID projectId) {
        int stored = jdbc
                .queryForList("select replicas from project_replicas where project_id = ?", Integer.class, projectId)
                .stream()
                .findFirst()
                .orElse(1);
        return Math.min(stored, limit());
    }

    /** The most a project may ask for on this installation: 1 on the engine backend. */
    public int limit() {
        return "swarm".equals(runtime.backend()) ? swarm.maxReplicas() : 1;
    }

    /**
     * @throws IllegalArgumentException with the reason, when {@code replicas} is out of bounds or the backend runs one
     */
    public void set(UUID projectId, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("An app runs at least 1 replica; got " + replicas);
        }
        if (replicas > 1 && !"swarm".equals(runtime.backend())) {
            throw new IllegalArgumentException("This installation runs apps on one Docker engine, one container per"
                    + " version; more replicas need the Swarm backend (dropdeploy.runtime.backend: swarm)");
        }
        if (replicas > limit()) {
            throw new IllegalArgumentException(
                    "At most " + limit() + " replicas per app on this installation; got " + replicas);
        }
        jdbc.update(
                "insert into project_replicas (project_id, replicas) values (?, ?)"
                        + " on conflict (project_id) do update set replicas = excluded.replicas",
                projectId,
                replicas);
    }
}
