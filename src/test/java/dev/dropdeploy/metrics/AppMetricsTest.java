package dev.dropdeploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.support.MovableClock;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.Projects;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppMetricsTest {

    private final MovableClock clock = new MovableClock();
    private final MetricStore store = mock(MetricStore.class);
    private final Projects projects = mock(Projects.class);
    private final AccountUser owner = mock(AccountUser.class);
    private final AccountUser stranger = mock(AccountUser.class);
    private final UUID project = UUID.randomUUID();
    private final AppMetrics metrics = new AppMetrics(
            store,
            projects,
            new MetricsProperties(
                    true,
                    Duration.ofMinutes(1),
                    URI.create("http://localhost:8082/metrics"),
                    Duration.ofDays(1),
                    Duration.ofMinutes(15),
                    Duration.ofDays(7)),
            clock);

    private static Sample point(Instant at, int requests) {
        int[] latency = LatencyBuckets.empty();
        latency[3] = requests;
        return new Sample(at, 1, 5.0, 10L, 100L, 0, 0, 0, requests, 0, latency);
    }

    @Test
    void anotherUsersProjectReadsAsAbsent() {
        when(projects.owned(stranger, project)).thenThrow(new ProjectNotFound(project.toString()));

        assertThatThrownBy(() -> metrics.series(stranger, project, MetricWindow.HOUR))
                .isInstanceOf(ProjectNotFound.class);
    }

    @Test
    void theLastHourIsDrawnFromRawPointsOneStepAMinute() {
        Instant now = clock.instant();
        when(store.points(project, false, now.minus(Duration.ofHours(1))))
                .thenReturn(List.of(
                        point(now.minusSeconds(150), 4),
                        point(now.minusSeconds(140), 6),
                        point(now.minusSeconds(30), 1)));

        MetricSeries series = metrics.series(owner, project, MetricWindow.HOUR);

        assertThat(series.points()).extracting(MetricPoint::requests).containsExactly(10, 1);
        assertThat(series.points().getFirst().requestsPerMinute()).isEqualTo(10.0);
        assertThat(series.overall().requests()).isEqualTo(11);
        assertThat(series.overall().p50Millis()).isBetween(25.0, 50.0);
    }

    @Test
    void theWeekJoinsRollupsWithTheRawPointsNotRolledUpYet() {
        Instant now = clock.instant();
        Instant lastRollup = now.minus(Duration.ofMinutes(20));
        when(store.points(eq(project), eq(true), any()))
                .thenReturn(List.of(point(now.minus(Duration.ofDays(3)), 7), point(lastRollup, 2)));
        when(store.points(project, false, lastRollup.plus(Duration.ofMinutes(15))))
                .thenReturn(List.of(point(now.minusSeconds(60), 1)));

        MetricSeries series = metrics.series(owner, project, MetricWindow.WEEK);

        assertThat(series.overall().requests()).isEqualTo(10);
        assertThat(series.points()).hasSizeBetween(2, 3);
    }
}
