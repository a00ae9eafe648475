package dev.dropdeploy.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code project_webhook} table: one row per project with a webhook. */
@Component
class WebhookStore {

    /** What a delivery needs. */
    record Target(String url, String secret) {}

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID projectId, String url, String secret, Instant now) {
        jdbc.sql("""
                insert into project_webhook (project_id, url, secret, created_at) values (?, ?, ?, ?)
                on conflict (project_id) do update set url = excluded.url, secret = excluded.secret,
                    created_at = excluded.created_at, last_event = null, last_outcome = null, last_attempt_at = null
                """).params(projectId, url, secret, Timestamp.from(now)).update();
    }

    boolean delete(UUID projectId) {
        return jdbc.sql("delete from project_webhook where project_id = ?")
                        .param(projectId)
                        .update()
                > 0;
    }

    Optional<Webhook> find(UUID projectId) {
        return jdbc.sql("""
                select url, created_at, last_event, last_outcome, last_attempt_at
                from project_webhook where project_id = ?
                """)
                .param(projectId)
                .query((rs, i) -> new Webhook(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    Optional<Target> target(UUID projectId) {
        return jdbc.sql("select url, secret from project_webhook where project_id = ?")
                .param(projectId)
                .query((rs, i) -> new Target(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Only for the webhook that was sent: one changed or removed meanwhile keeps its own state. */
    void recordOutcome(UUID projectId, String url, String event, String outcome, Instant at) {
        jdbc.sql("""
                update project_webhook set last_event = ?, last_outcome = ?, last_attempt_at = ?
                where project_id = ? and url = ?
                """).params(event, outcome, Timestamp.from(at), projectId, url).update();
    }
}
