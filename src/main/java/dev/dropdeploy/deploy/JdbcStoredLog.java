package dev.dropdeploy.deploy;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code deployment_log} table and, for cut logs, {@code deployment_log_gap}. */
@Repository
class JdbcStoredLog implements StoredLog {

    private final JdbcTemplate jdbc;

    JdbcStoredLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(UUID deploymentId, List<LogLine> lines) {
        jdbc.batchUpdate(
                "insert into deployment_log (deployment_id, phase, line, logged_at) values (?, ?, ?, ?)",
                lines.stream()
                        .map(l -> new Object[] {deploymentId, l.phase(), l.line(), Timestamp.from(l.at())})
                        .toList());
    }

    @Override
    public int count(UUID deploymentId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from deployment_log where deployment_id = ?", Integer.class, deploymentId);
        return count == null ? 0 : count;
    }

    @Override
    public List<Row> rows(UUID deploymentId) {
        return jdbc.query(
                "select id, phase, line, logged_at from deployment_log where deployment_id = ? order by id",
                (rs, n) -> new Row(
                        rs.getLong(1),
                        new LogLine(
                                deploymentId,
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant())),
                deploymentId);
    }

    @Override
    public Optional<Gap> gap(UUID deploymentId) {
        return jdbc
                .query(
                        "select after_id, omitted from deployment_log_gap where deployment_id = ?",
                        (rs, n) -> new Gap(rs.getLong(1), rs.getLong(2)),
                        deploymentId)
                .stream()
                .findFirst();
    }

    @Override
    @Transactional
    public void omitAfterHead(UUID deploymentId, int head, int drop) {
        jdbc.update("""
                insert into deployment_log_gap (deployment_id, after_id, omitted)
                values (?, (select id from deployment_log where deployment_id = ? order by id offset ? limit 1), ?)
                on conflict (deployment_id) do update
                    set after_id = excluded.after_id, omitted = deployment_log_gap.omitted + excluded.omitted
                """, deploymentId, deploymentId, head - 1, drop);
        jdbc.update("""
                delete from deployment_log where id in (
                    select id from deployment_log where deployment_id = ? order by id offset ? limit ?)
                """, deploymentId, head, drop);
    }

    @Override
    public Map<UUID, Integer> olderLongLogs(UUID deploymentId, int keepNewest, int longerThan) {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.query(
                """
                select deployment_id, count(*) from deployment_log
                where deployment_id in (
                    select id from deployment
                    where project_id = (select project_id from deployment where id = ?)
                    order by created_at desc offset ?)
                group by deployment_id having count(*) > ?
                """,
                rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                },
                deploymentId,
                keepNewest,
                longerThan);
        return counts;
    }
}
