package dev.dropdeploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.ManagedContainer;
import dev.dropdeploy.support.MovableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

class MetricsSamplerTest {

    private final UUID project = UUID.randomUUID();
    private final UUID deployment = UUID.randomUUID();
    private final MovableClock clock = new MovableClock();
    private final LiveApps live = mock(LiveApps.class);
    private final AppContainers containers = mock(AppContainers.class);
    private final ContainerStats stats = mock(ContainerStats.class);
    private final TraefikTraffic traffic = mock(TraefikTraffic.class);
    private final MetricStore store = mock(MetricStore.class);
    private final MetricsProperties properties = new MetricsProperties(
            true,
            Duration.ofMinutes(1),
            URI.create("http://localhost:8082/metrics"),
            Duration.ofDays(1),
            Duration.ofMinutes(15),
            Duration.ofDays(7));
    private final RecentRequests recent = new RecentRequests(properties);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final MetricsSampler sampler =
            new MetricsSampler(live, containers, stats, traffic, store, properties, clock, recent, events);

    private static RouterTraffic.Totals served(long requests, long errors) {
        long[] buckets = new long[LatencyBuckets.SIZE];
        java.util.Arrays.fill(buckets, requests);
        return new RouterTraffic.Totals(requests, errors, buckets);
    }

    @Test
    void aLiveAppsReadingAndItsRoutersRequestsBecomeOnePoint() {
        when(live.now()).thenReturn(Map.of(project, deployment));
        when(containers.managed())
                .thenReturn(List.of(
                        new ManagedContainer("c1", "dd-shop-v2-abc", "shop", 2, deployment.toString(), true),
                        new ManagedContainer("c0", "dd-shop-v1-xyz", "shop", 1, "older", true)));
        when(stats.read("c1"))
                .thenReturn(Optional.of(new ContainerReading(clock.instant(), 5, 12.5, 64, 512, 10, 20, 0)));
        when(traffic.sinceLastRead())
                .thenReturn(Map.of(
                        "dd-shop@http", served(10, 1),
                        "dd-v1--shop@http", served(5, 0),
                        "dd-myshop@http", served(100, 100)));

        sampler.sample();

        ArgumentCaptor<Sample> point = ArgumentCaptor.forClass(Sample.class);
        verify(store).save(eq(project), eq(false), point.capture());
        assertThat(point.getValue().cpuPercent()).isEqualTo(12.5);
        assertThat(point.getValue().memoryBytes()).isEqualTo(64L);
        assertThat(point.getValue().memoryLimit()).isEqualTo(512L);
        assertThat(point.getValue().requests()).isEqualTo(15);
        assertThat(point.getValue().errors()).isEqualTo(1);
        assertThat(point.getValue().at()).isEqualTo(clock.instant());
    }

    @Test
    void anAppWithNeitherAContainerNorRequestsLeavesNoPoint() {
        when(live.now()).thenReturn(Map.of(project, deployment));
        when(containers.managed()).thenReturn(List.of());
        when(traffic.sinceLastRead()).thenReturn(Map.of());

        sampler.sample();

        verify(store, never()).save(any(), eq(false), any());
    }

    @Test
    void everyLiveAppIsReportedWithWhetherItsContainerRunsAndHowOftenItRestarted() {
        when(live.now()).thenReturn(Map.of(project, deployment));
        when(containers.managed())
                .thenReturn(
                        List.of(new ManagedContainer("c1", "dd-shop-v2-abc", "shop", 2, deployment.toString(), true)));
        when(stats.read("c1"))
                .thenReturn(Optional.of(new ContainerReading(clock.instant(), 5, 1.0, 64, 512, 0, 0, 1)))
                .thenReturn(
                        Optional.of(new ContainerReading(clock.instant().plusSeconds(60), 9, 1.0, 64, 512, 0, 0, 3)));
        when(traffic.sinceLastRead()).thenReturn(Map.of());
        sampler.sample();
        sampler.sample();
        when(containers.managed())
                .thenReturn(
                        List.of(new ManagedContainer("c1", "dd-shop-v2-abc", "shop", 2, deployment.toString(), false)));
        sampler.sample();

        ArgumentCaptor<AppContainerChecked> checked = ArgumentCaptor.forClass(AppContainerChecked.class);
        verify(events, org.mockito.Mockito.times(3)).publishEvent(checked.capture());
        assertThat(checked.getAllValues())
                .extracting(AppContainerChecked::running, AppContainerChecked::restarts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, 0),
                        org.assertj.core.groups.Tuple.tuple(true, 2),
                        org.assertj.core.groups.Tuple.tuple(false, 0));
        assertThat(checked.getValue().deploymentId()).isEqualTo(deployment);
    }

    @Test
    void aContainerTheEngineCannotReadStillCountsItsRequests() {
        when(live.now()).thenReturn(Map.of(project, deployment));
        when(containers.managed())
                .thenReturn(
                        List.of(new ManagedContainer("c1", "dd-shop-v2-abc", "shop", 2, deployment.toString(), true)));
        when(stats.read("c1")).thenReturn(Optional.empty());
        when(traffic.sinceLastRead()).thenReturn(Map.of("dd-shop@http", served(3, 0)));

        sampler.sample();

        ArgumentCaptor<Sample> point = ArgumentCaptor.forClass(Sample.class);
        verify(store).save(eq(project), eq(false), point.capture());
        assertThat(point.getValue().requests()).isEqualTo(3);
        assertThat(point.getValue().cpuPercent()).isNull();
        assertThat(point.getValue().samples()).isZero();
    }

    @Test
    void aSampleWithRequestsIsWhenTheAppWasLastSeenServing() {
        when(live.now()).thenReturn(Map.of(project, deployment));
        when(containers.managed())
                .thenReturn(
                        List.of(new ManagedContainer("c1", "dd-shop-v2-abc", "shop", 2, deployment.toString(), true)));
        when(stats.read("c1")).thenReturn(Optional.empty());
        when(traffic.sinceLastRead()).thenReturn(Map.of("dd-shop@http", served(3, 0)));
        sampler.sample();
        java.time.Instant served = clock.instant();

        clock.advance(Duration.ofMinutes(1));
        when(traffic.sinceLastRead()).thenReturn(Map.of("dd-shop@http", served(0, 0)));
        sampler.sample();

        assertThat(recent.lastRequest(project)).contains(served);
    }

    @Test
    void anAppNeverSeenServingHasNoLastRequest() {
        when(live.now()).thenReturn(Map.of(project, deployment));
        when(containers.managed()).thenReturn(List.of());
        when(traffic.sinceLastRead()).thenReturn(Map.of("dd-waker--shop@http", served(5, 0)));

        sampler.sample();

        assertThat(recent.lastRequest(project)).isEmpty();
    }
}
