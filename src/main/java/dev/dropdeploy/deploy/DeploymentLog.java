package dev.dropdeploy.deploy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every line a deployment prints: passed at once to whoever follows it (UI, API, CLI) and stored in batches, so a
 * chatty {@code npm install} does not turn into thousands of single-row inserts.
 */
@Component
public class DeploymentLog {

    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<UUID, List<Consumer<LogLine>>> followers = new ConcurrentHashMap<>();
    private final Map<UUID, List<LogLine>> pending = new ConcurrentHashMap<>();

    DeploymentLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Lines stored so far, oldest first. */
    public List<LogLine> lines(UUID deploymentId) {
        flush(deploymentId);
        return jdbc.query(
                "select phase, line, logged_at from deployment_log where deployment_id = ? order by id",
                (rs, n) -> new LogLine(
                        deploymentId,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()),
                deploymentId);
    }

    /**
     * Sends every new line to {@code follower} until the returned handle is closed. Call {@link #lines} after
     * subscribing to get what came before without a gap.
     */
    public AutoCloseable follow(UUID deploymentId, Consumer<LogLine> follower) {
        followers
                .computeIfAbsent(deploymentId, id -> new CopyOnWriteArrayList<>())
                .add(follower);
        return () -> followers.getOrDefault(deploymentId, List.of()).remove(follower);
    }

    void append(UUID deploymentId, String phase, String line) {
        // PostgreSQL text cannot hold NUL, and binary noise in a log helps nobody.
        LogLine entry = new LogLine(deploymentId, phase, line.replace((char) 0, (char) 0xFFFD), clock.instant());
        List<LogLine> batch = pending.computeIfAbsent(deploymentId, id -> new ArrayList<>());
        boolean full;
        synchronized (batch) {
            batch.add(entry);
            full = batch.size() >= BATCH;
        }
        if (full) {
            flush(deploymentId);
        }
        for (Consumer<LogLine> follower : followers.getOrDefault(deploymentId, List.of())) {
            try {
                follower.accept(entry);
            } catch (RuntimeException e) {
                // A follower that went away (a closed browser tab, a finished stream) must not fail the deployment.
                followers.getOrDefault(deploymentId, List.of()).remove(follower);
            }
        }
    }

    /** Stores what is pending; called at every step's end and when the deployment finishes. */
    void flush(UUID deploymentId) {
        List<LogLine> batch = pending.get(deploymentId);
        if (batch == null) {
            return;
        }
        List<LogLine> toWrite;
        synchronized (batch) {
            toWrite = List.copyOf(batch);
            batch.clear();
        }
        if (!toWrite.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into deployment_log (deployment_id, phase, line, logged_at) values (?, ?, ?, ?)",
                    toWrite.stream()
                            .map(l -> new Object[] {deploymentId, l.phase(), l.line(), Timestamp.from(l.at())})
                            .toList());
        }
    }

    void finished(UUID deploymentId) {
        flush(deploymentId);
        pending.remove(deploymentId);
    }
}
