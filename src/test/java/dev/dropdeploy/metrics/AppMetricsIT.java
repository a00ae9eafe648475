package dev.dropdeploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.support.MovableClock;
import dev.dropdeploy.workspace.ProjectSummary;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AppMetricsIT extends LiveInstallationIT {

    private static final String SERVER = """
            const http = require('http');
            let kept = [];
            http.createServer((req, res) => {
              if (req.url.startsWith('/busy')) {
                const until = Date.now() + 5000;
                while (Date.now() < until) {}
              }
              if (req.url.startsWith('/alloc')) {
                kept.push(Buffer.alloc(150 * 1024 * 1024, 1));
              }
              res.end('metrics probe ' + req.url);
            }).listen(process.env.PORT || 8080, '0.0.0.0');
            """;

    @DynamicPropertySource
    static void sampleOften(DynamicPropertyRegistry registry) {
        registry.add("dropdeploy.metrics.interval", () -> "2s");
    }

    @Autowired
    AppMetrics metrics;

    @Autowired
    MetricStore store;

    @Autowired
    MetricsRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLiveAppsRequestsCpuAndMemoryShowInItsMetrics() throws IOException {
        ProjectSummary project = newProject("Metrics Probe");
        DeploymentView live = deploy(
                project,
                Map.of(
                        "package.json",
                        "{\"name\":\"metrics-probe\",\"version\":\"1.0.0\",\"scripts\":{\"start\":\"node server.js\"}}",
                        "server.js",
                        SERVER));
        assertThat(live.state()).as(live.reason()).isEqualTo(DeploymentState.LIVE);

        for (int i = 0; i < 30; i++) {
            assertThat(Http.send(Http.toApp(live.url() + "/hello").GET()).statusCode())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            MetricPoint hour =
                    metrics.series(owner, project.id(), MetricWindow.HOUR).overall();
            assertThat(hour.requests()).isGreaterThanOrEqualTo(30);
            assertThat(hour.p50Millis()).isNotNull().isLessThan(1000.0);
            assertThat(hour.errors()).isZero();
        });

        Instant beforeLoad = Instant.now();
        long memoryBefore = latestReading(project.id()).memoryBytes();
        assertThat(Http.send(Http.toApp(live.url() + "/busy").GET()).statusCode())
                .isEqualTo(200);
        assertThat(Http.send(Http.toApp(live.url() + "/alloc").GET()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Sample> since = readingsSince(project.id(), beforeLoad);
            assertThat(since).anySatisfy(s -> assertThat(s.cpuPercent()).isGreaterThan(40.0));
            assertThat(since)
                    .anySatisfy(s -> assertThat(s.memoryBytes())
                            .isGreaterThan(memoryBefore + 100L * 1024 * 1024)
                            .isLessThanOrEqualTo(s.memoryLimit()));
        });

        System.out.printf(
                "app_metric: %s bytes per row on average, %s bytes of table and indexes for %s rows%n",
                jdbc.queryForObject("select avg(pg_column_size(m.*))::int from app_metric m", Integer.class),
                jdbc.queryForObject("select pg_total_relation_size('app_metric')", Long.class),
                jdbc.queryForObject("select count(*) from app_metric", Long.class));
    }

    @Test
    void retentionRollsPointsUpAndThenTrimsThem() {
        UUID project = newProject("Retention Probe").id();
        // Within the last day, where the application's own retention run (every few minutes) leaves raw points alone.
        Instant start = Rollups.stepStart(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15));
        MovableClock clock = new MovableClock(start);
        for (int minute = 0; minute < 30; minute++) {
            store.save(
                    project,
                    false,
                    new Sample(start.plusSeconds(60L * minute), 1, 10.0, 100L, 512L, 1, 1, 0, 2, 0, null));
        }

        clock.advance(Duration.ofMinutes(31));
        retention.apply(clock.instant());
        assertThat(store.points(project, true, start))
                .hasSize(2)
                .allSatisfy(q -> assertThat(q.requests()).isEqualTo(30));
        assertThat(store.points(project, false, start)).hasSize(30);

        clock.advance(Duration.ofHours(25));
        retention.apply(clock.instant());
        assertThat(store.points(project, false, start)).isEmpty();
        assertThat(store.points(project, true, start)).hasSize(2);

        clock.advance(Duration.ofDays(7));
        retention.apply(clock.instant());
        assertThat(store.points(project, true, start)).isEmpty();
    }

    private Sample latestReading(UUID projectId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !readingsSince(projectId, Instant.EPOCH).isEmpty());
        return readingsSince(projectId, Instant.EPOCH).getLast();
    }

    private List<Sample> readingsSince(UUID projectId, Instant from) {
        return store.points(projectId, false, from).stream()
                .filter(s -> s.cpuPercent() != null && s.memoryBytes() != null)
                .toList();
    }
}
