package dev.dropdeploy.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where deployment log lines are kept; an interface so the trimming rules are testable without a database. */
interface StoredLog {

    /** One stored line and its position: ids grow in the order lines were stored. */
    record Row(long id, LogLine line) {}

    /** @param afterId the last row before the lines that were left out */
    record Gap(long afterId, long omitted) {}

    void insert(UUID deploymentId, List<LogLine> lines);

    int count(UUID deploymentId);

    /** Oldest first. */
    List<Row> rows(UUID deploymentId);

    Optional<Gap> gap(UUID deploymentId);

    /**
     * Deletes the {@code drop} rows that follow the first {@code head} and records them as omitted after the head
     * (adding to what an earlier cut omitted, which the new one always contains).
     */
    void omitAfterHead(UUID deploymentId, int head, int drop);

    /**
     * Row counts of the logs longer than {@code longerThan} of the project's deployments that are older than its
     * newest {@code keepNewest}; {@code deploymentId} names any deployment of the project.
     */
    Map<UUID, Integer> olderLongLogs(UUID deploymentId, int keepNewest, int longerThan);
}
