package dev.dropdeploy.deploy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which project sleeps, and which deployment's stopped container wakes it: table {@code sleeping_app}. */
@Component
class SleepingRows {

    private final JdbcTemplate jdbc;

    SleepingRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void put(UUID projectId, UUID deploymentId, Instant since) {
        jdbc.update(
                "insert into sleeping_app (project_id, deployment_id, since) values (?, ?, ?)"
                        + " on conflict (project_id) do update set deployment_id = excluded.deployment_id,"
                        + " since = excluded.since",
                projectId,
                deploymentId,
                Timestamp.from(since));
    }

    /** The sleeping deployment of the project, removed from the table; empty when it was awake. */
    Optional<UUID> take(UUID projectId) {
        return jdbc
                .query(
                        "delete from sleeping_app where project_id = ? returning deployment_id",
                        (rs, n) -> rs.getObject(1, UUID.class),
                        projectId)
                .stream()
                .findFirst();
    }

    Optional<UUID> find(UUID projectId) {
        return jdbc
                .query(
                        "select deployment_id from sleeping_app where project_id = ?",
                        (rs, n) -> rs.getObject(1, UUID.class),
                        projectId)
                .stream()
                .findFirst();
    }

    /** Project id to its sleeping deployment's id. */
    Map<UUID, UUID> all() {
        Map<UUID, UUID> all = new HashMap<>();
        jdbc.query("select project_id, deployment_id from sleeping_app", rs -> {
            all.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        return all;
    }

    /** The sleeping project at {@code slug}; empty when it is awake or does not exist. */
    Optional<UUID> sleepingProject(String slug) {
        return jdbc
                .query(
                        "select s.project_id from sleeping_app s join project p on p.id = s.project_id"
                                + " where p.slug = ?",
                        (rs, n) -> rs.getObject(1, UUID.class),
                        slug)
                .stream()
                .findFirst();
    }
}
