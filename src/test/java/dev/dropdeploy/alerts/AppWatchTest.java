package dev.dropdeploy.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentStepReached;
import dev.dropdeploy.metrics.AppContainerChecked;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppWatchTest {

    private final List<Alert> raised = new ArrayList<>();
    private final AppWatch watch = new AppWatch(raised::add, Duration.ofMinutes(3));
    private final UUID project = UUID.randomUUID();
    private final UUID deployment = UUID.randomUUID();
    private final Instant start = Instant.parse("2026-12-03T06:00:00Z");

    private void check(int minute, boolean running, int restarts) {
        watch.on(new AppContainerChecked(project, deployment, running, restarts, start.plusSeconds(60L * minute)));
    }

    private List<String> events() {
        return raised.stream().map(a -> a.kind().event).toList();
    }

    @Test
    void aRestartTheEngineMadeIsReportedWithItsCount() {
        check(0, true, 0);
        check(1, true, 2);

        assertThat(events()).containsExactly("app.restarted");
        assertThat(raised.getFirst().details()).containsEntry("restarts", 2);
        assertThat(raised.getFirst().summary()).contains("2 times");
    }

    @Test
    void oneCheckWithoutTheContainerIsNotYetACrashSinceAStopMayRaceTheSample() {
        check(0, true, 0);
        check(1, false, 0);
        check(2, true, 0);

        assertThat(raised).isEmpty();
    }

    @Test
    void anAppThatStaysDownIsReportedCrashedOnceAndDownOnceAfterTheSetting() {
        check(0, false, 0);
        check(1, false, 0);
        check(2, false, 0);
        assertThat(events()).containsExactly("app.crashed");

        check(3, false, 0);
        check(4, false, 0);
        check(5, false, 0);
        assertThat(events()).containsExactly("app.crashed", "app.down");
        assertThat(raised.getLast().details()).containsEntry("downSeconds", 180L);
    }

    @Test
    void aNewOutageAfterTheAppRanAgainIsReportedAgain() {
        check(0, false, 0);
        check(1, false, 0);
        check(2, true, 0);
        check(3, false, 0);
        check(4, false, 0);

        assertThat(events()).containsExactly("app.crashed", "app.crashed");
    }

    @Test
    void aDeploymentThatStoppedBeingLiveIsForgotten() {
        check(0, false, 0);
        watch.on(new DeploymentStepReached(deployment, project, 1, DeploymentState.STOPPED));
        check(1, false, 0);

        assertThat(raised).isEmpty();
    }
}
