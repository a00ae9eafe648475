package dev.dropdeploy.deploy;

import dev.dropdeploy.output.LineSplitter;
import dev.dropdeploy.output.OutputLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every line a deployment prints: passed at once to whoever follows it (UI, API, CLI) and stored in batches, so a
 * chatty {@code npm install} does not turn into thousands of single-row inserts. Bounded by {@link OutputLimits}: each
 * line is cut at {@code lineLength}, a deployment's stored log keeps its first and last lines with a "… N lines
 * omitted …" line between, and only a project's newest deployments keep that much.
 */
@Component
public class DeploymentLog {

    private static final Logger logger = LoggerFactory.getLogger(DeploymentLog.class);
    private static final int BATCH = 100;

    private final StoredLog store;
    private final Clock clock;
    private final OutputLimits limits;
    private final Map<UUID, List<Consumer<LogLine>>> followers = new ConcurrentHashMap<>();
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

    /** Lines not stored yet and how many are; also the lock for storing and cutting one deployment's log. */
    private static final class Pending {
        final List<LogLine> batch = new ArrayList<>();
        int stored = -1;
    }

    DeploymentLog(StoredLog store, Clock clock, OutputLimits limits) {
        this.store = store;
        this.clock = clock;
        this.limits = limits;
    }

    /** Lines stored so far, oldest first, with a line saying how many were left out where the log was cut. */
    public List<LogLine> lines(UUID deploymentId) {
        flush(deploymentId);
        return withGapNote(store.rows(deploymentId), store.gap(deploymentId));
    }

    /**
     * Sends every new line to {@code follower} until the returned handle is closed. Call {@link #lines} after
     * subscribing to get what came before without a gap. The follower runs on the deployment's thread, so it must not
     * block: a reader that can fall behind hands lines to an {@link dev.dropdeploy.output.Backlog}.
     */
    public AutoCloseable follow(UUID deploymentId, Consumer<LogLine> follower) {
        followers.compute(deploymentId, (id, list) -> {
            List<Consumer<LogLine>> all = list == null ? new CopyOnWriteArrayList<>() : list;
            all.add(follower);
            return all;
        });
        return () -> unfollow(deploymentId, follower);
    }

    void append(UUID deploymentId, String phase, String line) {
        // PostgreSQL text cannot hold NUL, and binary noise in a log helps nobody.
        String clean = LineSplitter.cap(line.replace((char) 0, (char) 0xFFFD), limits.maxLine());
        LogLine entry = new LogLine(deploymentId, phase, clean, clock.instant());
        Pending state = pending.computeIfAbsent(deploymentId, id -> new Pending());
        boolean full;
        synchronized (state) {
            state.batch.add(entry);
            full = state.batch.size() >= BATCH;
        }
        if (full) {
            flush(deploymentId);
        }
        for (Consumer<LogLine> follower : followers.getOrDefault(deploymentId, List.of())) {
            try {
                follower.accept(entry);
            } catch (RuntimeException e) {
                // A follower that went away (a closed browser tab, a finished stream) must not fail the deployment.
                unfollow(deploymentId, follower);
            }
        }
    }

    /** Stores what is pending and cuts the middle of a log that grew too long; called at every step's end. */
    void flush(UUID deploymentId) {
        Pending state = pending.get(deploymentId);
        if (state == null) {
            return;
        }
        synchronized (state) {
            if (state.batch.isEmpty()) {
                return;
            }
            // Taken out first: while the database fails, lines are lost rather than piling up in memory.
            List<LogLine> toWrite = List.copyOf(state.batch);
            state.batch.clear();
            if (state.stored < 0) {
                state.stored = store.count(deploymentId);
            }
            store.insert(deploymentId, toWrite);
            state.stored += toWrite.size();
            state.stored -= cut(deploymentId, state.stored, limits.storedHeadLines(), limits.storedTailLines());
        }
    }

    void finished(UUID deploymentId) {
        flush(deploymentId);
        pending.remove(deploymentId);
        try {
            shortenOlderLogs(deploymentId);
        } catch (RuntimeException e) {
            logger.warn("Could not shorten the older logs of deployment {}'s project", deploymentId, e);
        }
    }

    /** Older deployments keep less; never more than a new log keeps, so the earlier cut lies inside the new one. */
    private void shortenOlderLogs(UUID deploymentId) {
        int head = Math.min(limits.olderHeadLines(), limits.storedHeadLines());
        int tail = Math.min(limits.olderTailLines(), limits.storedTailLines());
        store.olderLongLogs(deploymentId, limits.fullLogsPerProject(), head + tail)
                .forEach((older, count) -> cut(older, count, head, tail));
    }

    /** @return how many lines were left out */
    private int cut(UUID deploymentId, int stored, int head, int tail) {
        int excess = stored - head - tail;
        if (excess <= 0) {
            return 0;
        }
        store.omitAfterHead(deploymentId, head, excess);
        return excess;
    }

    private void unfollow(UUID deploymentId, Consumer<LogLine> follower) {
        followers.computeIfPresent(deploymentId, (id, list) -> {
            list.remove(follower);
            return list.isEmpty() ? null : list;
        });
    }

    static List<LogLine> withGapNote(List<StoredLog.Row> rows, Optional<StoredLog.Gap> gap) {
        List<LogLine> lines = new ArrayList<>(rows.size() + 1);
        for (StoredLog.Row row : rows) {
            lines.add(row.line());
            if (gap.isPresent() && gap.get().afterId() == row.id()) {
                LogLine before = row.line();
                String note = String.format(
                        Locale.ROOT,
                        "… %,d lines omitted: stored logs keep their first and last lines …",
                        gap.get().omitted());
                lines.add(new LogLine(before.deploymentId(), before.phase(), note, before.at()));
            }
        }
        return lines;
    }
}
