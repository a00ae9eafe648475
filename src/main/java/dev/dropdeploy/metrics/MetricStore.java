package dev.dropdeploy.metrics;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code app_metric} table: raw points and rollups of every app. */
@Repository
class MetricStore {

    /** A stored point with the app it belongs to. */
    record Row(UUID projectId, Sample sample) {}

    private static final String COLUMNS =
            "project_id, rollup, at, samples, cpu_percent, memory_bytes, memory_limit, rx_bytes, tx_bytes, restarts,"
                    + " requests, errors, latency";

    private final JdbcTemplate jdbc;

    MetricStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the newer point when a project already has one at that instant (a rollup recomputed). */
    void save(UUID projectId, boolean rollup, Sample s) {
        jdbc.update(
                "insert into app_metric (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as integer[]))"
                        + " on conflict (project_id, rollup, at) do update set samples = excluded.samples,"
                        + " cpu_percent = excluded.cpu_percent, memory_bytes = excluded.memory_bytes,"
                        + " memory_limit = excluded.memory_limit, rx_bytes = excluded.rx_bytes,"
                        + " tx_bytes = excluded.tx_bytes, restarts = excluded.restarts, requests = excluded.requests,"
                        + " errors = excluded.errors, latency = excluded.latency",
                projectId,
                rollup,
                Timestamp.from(s.at()),
                s.samples(),
                s.cpuPercent() == null ? null : s.cpuPercent().floatValue(),
                s.memoryBytes(),
                s.memoryLimit(),
                s.rxBytes(),
                s.txBytes(),
                s.restarts(),
                s.requests(),
                s.errors(),
                Arrays.stream(s.latency()).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}")));
    }

    /** One project's points from {@code from} on, oldest first. */
    List<Sample> points(UUID projectId, boolean rollup, Instant from) {
        return jdbc.query(
                "select " + COLUMNS + " from app_metric where project_id = ? and rollup = ? and at >= ? order by at",
                (rs, n) -> sample(rs),
                projectId,
                rollup,
                Timestamp.from(from));
    }

    /** Every project's raw points in {@code [from, to)}. */
    List<Row> raw(Instant from, Instant to) {
        return jdbc.query(
                "select " + COLUMNS + " from app_metric where rollup = false and at >= ? and at < ? order by at",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), sample(rs)),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** The newest rollup before {@code before} (the clock may have been set back; later ones are left alone). */
    Optional<Instant> latestRollup(Instant before) {
        Timestamp latest = jdbc.queryForObject(
                "select max(at) from app_metric where rollup = true and at < ?",
                Timestamp.class,
                Timestamp.from(before));
        return Optional.ofNullable(latest).map(Timestamp::toInstant);
    }

    /** Deletes points of the kind older than {@code before}; returns how many. */
    int deleteBefore(boolean rollup, Instant before) {
        return jdbc.update("delete from app_metric where rollup = ? and at < ?", rollup, Timestamp.from(before));
    }

    private static Sample sample(ResultSet rs) throws SQLException {
        float cpu = rs.getFloat(5);
        Double cpuPercent = rs.wasNull() ? null : (double) cpu;
        return new Sample(
                rs.getTimestamp(3).toInstant(),
                rs.getInt(4),
                cpuPercent,
                rs.getObject(6, Long.class),
                rs.getObject(7, Long.class),
                rs.getLong(8),
                rs.getLong(9),
                rs.getInt(10),
                rs.getInt(11),
                rs.getInt(12),
                latency(rs.getArray(13)));
    }

    private static int[] latency(Array array) throws SQLException {
        Integer[] values = (Integer[]) array.getArray();
        int[] counts = LatencyBuckets.empty();
        for (int i = 0; i < Math.min(values.length, counts.length); i++) {
            counts[i] = values[i] == null ? 0 : values[i];
        }
        return counts;
    }
}
