package dev.dropdeploy.sleep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.dropdeploy.deploy.AppWoke;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.SleepingApps;
import dev.dropdeploy.metrics.RecentRequests;
import dev.dropdeploy.support.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SleeperTest {

    private final UUID project = UUID.randomUUID();
    private final UUID deployment = UUID.randomUUID();
    private final MovableClock clock = new MovableClock();
    private final Deployments deployments = mock(Deployments.class);
    private final SleepingApps sleeping = mock(SleepingApps.class);
    private final SleepSettings settings = mock(SleepSettings.class);
    private final RecentRequests requests = mock(RecentRequests.class);

    private Sleeper sleeper(Duration defaultIdle) {
        return new Sleeper(
                deployments,
                sleeping,
                settings,
                requests,
                new SleepProperties(
                        defaultIdle, Duration.ofSeconds(30), Duration.ofSeconds(5), 1, Duration.ofSeconds(30)),
                clock);
    }

    private void live() {
        when(requests.counting()).thenReturn(true);
        when(requests.lastRequest(project)).thenReturn(Optional.empty());
        when(sleeping.asleep()).thenReturn(Set.of());
        when(sleeping.fallAsleep(project, deployment)).thenReturn(true);
        when(deployments.liveAsSystem())
                .thenReturn(List.of(new DeploymentView(
                        deployment,
                        project,
                        "shop",
                        1,
                        DeploymentState.LIVE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false)));
    }

    @Test
    void withSleepOffEverywhereNothingIsEvenLookedAt() {
        when(settings.allOwn()).thenReturn(Map.of(project, Duration.ZERO));

        assertThat(sleeper(Duration.ZERO).check()).isEmpty();
        verifyNoInteractions(deployments, sleeping);
    }

    @Test
    void anAppQuietForTheInstallationsIdleTimeFallsAsleep() {
        live();
        when(settings.allOwn()).thenReturn(Map.of());
        Sleeper sleeper = sleeper(Duration.ofMinutes(15));
        assertThat(sleeper.check()).as("first seen now: awake since now").isEmpty();

        clock.advance(Duration.ofMinutes(15));

        assertThat(sleeper.check()).containsExactly(project);
    }

    @Test
    void aRecentRequestKeepsItAwake() {
        live();
        when(settings.allOwn()).thenReturn(Map.of());
        Sleeper sleeper = sleeper(Duration.ofMinutes(15));
        sleeper.check();
        clock.advance(Duration.ofMinutes(10));
        when(requests.lastRequest(project)).thenReturn(Optional.of(clock.instant()));
        clock.advance(Duration.ofMinutes(10));

        assertThat(sleeper.check()).isEmpty();
        verify(sleeping, never()).fallAsleep(any(), any());
    }

    @Test
    void aProjectThatSaysNeverStaysAwakeWhateverTheDefault() {
        live();
        when(settings.allOwn()).thenReturn(Map.of(project, Duration.ZERO));
        Sleeper sleeper = sleeper(Duration.ofMinutes(15));
        sleeper.check();
        clock.advance(Duration.ofDays(3));

        assertThat(sleeper.check()).isEmpty();
    }

    @Test
    void anAppThatJustWokeGetsItsWholeIdleTimeAgain() {
        live();
        when(settings.allOwn()).thenReturn(Map.of());
        Sleeper sleeper = sleeper(Duration.ofMinutes(15));
        sleeper.check();
        clock.advance(Duration.ofMinutes(20));
        sleeper.on(new AppWoke(project, deployment));

        assertThat(sleeper.check()).isEmpty();
    }

    @Test
    void withoutRequestCountsNoAppIsToldIdle() {
        live();
        when(requests.counting()).thenReturn(false);
        when(settings.allOwn()).thenReturn(Map.of());
        Sleeper sleeper = sleeper(Duration.ofMinutes(1));
        clock.advance(Duration.ofDays(1));

        assertThat(sleeper.check()).isEmpty();
        verify(sleeping, never()).fallAsleep(any(), any());
    }
}
