package dev.dropdeploy.metrics;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.workspace.Projects;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The metrics module's entry point: an app's measurements over the last hour, day or week, for its owner (another
 * user's project reads as absent, {@link dev.dropdeploy.workspace.ProjectNotFound}).
 */
@Service
public class AppMetrics {

    private final MetricStore store;
    private final Projects projects;
    private final MetricsProperties properties;
    private final Clock clock;

    AppMetrics(MetricStore store, Projects projects, MetricsProperties properties, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.properties = properties;
        this.clock = clock;
    }

    public MetricSeries series(AccountUser user, UUID projectId, MetricWindow window) {
        projects.owned(user, projectId);
        Instant to = clock.instant();
        Instant from = to.minus(window.span());
        List<Sample> stored = stored(projectId, window, from);
        List<MetricPoint> points = Rollups.byStep(stored, window.step()).stream()
                .map(s -> MetricPoint.of(s, window.step()))
                .toList();
        MetricPoint overall = MetricPoint.of(Rollups.merge(from, stored), window.span());
        return new MetricSeries(window, from, to, points, overall);
    }

    /** Raw points while they are kept; beyond that the rollups, and raw points for the steps not rolled up yet. */
    private List<Sample> stored(UUID projectId, MetricWindow window, Instant from) {
        if (!from.isBefore(clock.instant().minus(properties.rawRetention()))) {
            return store.points(projectId, false, from);
        }
        List<Sample> rollups = store.points(projectId, true, from);
        Instant rawFrom = rollups.isEmpty() ? from : rollups.getLast().at().plus(properties.rollupStep());
        List<Sample> all = new ArrayList<>(rollups);
        all.addAll(store.points(projectId, false, rawFrom));
        return all;
    }
}
