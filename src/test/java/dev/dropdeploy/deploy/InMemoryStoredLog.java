package dev.dropdeploy.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link StoredLog} in a list, for one project whose deployments are given newest first. */
final class InMemoryStoredLog implements StoredLog {

    final List<UUID> newestFirst = new ArrayList<>();
    private final Map<UUID, List<Row>> rows = new HashMap<>();
    private final Map<UUID, Gap> gaps = new HashMap<>();
    private long nextId = 1;

    @Override
    public void insert(UUID deploymentId, List<LogLine> lines) {
        lines.forEach(line -> rowsOf(deploymentId).add(new Row(nextId++, line)));
    }

    @Override
    public int count(UUID deploymentId) {
        return rowsOf(deploymentId).size();
    }

    @Override
    public List<Row> rows(UUID deploymentId) {
        return List.copyOf(rowsOf(deploymentId));
    }

    @Override
    public Optional<Gap> gap(UUID deploymentId) {
        return Optional.ofNullable(gaps.get(deploymentId));
    }

    @Override
    public void omitAfterHead(UUID deploymentId, int head, int drop) {
        List<Row> all = rowsOf(deploymentId);
        long before = gap(deploymentId).map(Gap::omitted).orElse(0L);
        gaps.put(deploymentId, new Gap(all.get(head - 1).id(), before + drop));
        all.subList(head, head + drop).clear();
    }

    @Override
    public Map<UUID, Integer> olderLongLogs(UUID deploymentId, int keepNewest, int longerThan) {
        Map<UUID, Integer> counts = new HashMap<>();
        newestFirst.stream()
                .skip(keepNewest)
                .filter(id -> count(id) > longerThan)
                .forEach(id -> counts.put(id, count(id)));
        return counts;
    }

    private List<Row> rowsOf(UUID deploymentId) {
        return rows.computeIfAbsent(deploymentId, id -> new ArrayList<>());
    }
}
