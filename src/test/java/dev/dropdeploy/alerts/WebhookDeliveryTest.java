package dev.dropdeploy.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** Delivery against a real HTTP server on this machine; no Spring, no Docker. */
class WebhookDeliveryTest {

    private final UUID owner = UUID.randomUUID();
    private final ProjectSummary project = new ProjectSummary(UUID.randomUUID(), "shop", "Shop", Instant.now());
    private final WebhookStore store = mock(WebhookStore.class);
    private final Projects projects = mock(Projects.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;
    private WebhookDelivery delivery;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            signatures.add(exchange.getRequestHeaders().getFirst("X-DropDeploy-Signature"));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        when(projects.findAsSystem(project.id())).thenReturn(Optional.of(project));
        when(projects.ownerIdAsSystem(project.id())).thenReturn(Optional.of(owner));
        when(store.target(project.id()))
                .thenReturn(Optional.of(new WebhookStore.Target(
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "s3cret")));
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        delivery.destroy();
    }

    private WebhookDelivery delivery(boolean allowPrivate, int queueSize) {
        AlertsProperties properties = new AlertsProperties(
                allowPrivate,
                Duration.ofMinutes(3),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                queueSize,
                4,
                Duration.ofMillis(20));
        delivery = new WebhookDelivery(store, projects, events, properties, Clock.systemUTC());
        return delivery;
    }

    private static Alert failedFor(ProjectSummary p) {
        return new Alert(
                AlertKind.DEPLOYMENT_FAILED,
                p.id(),
                UUID.randomUUID(),
                3,
                Instant.now(),
                Map.of("reason", "exited with code 1"),
                "version 3 failed to deploy");
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheAlertOnTheThirdAttemptSignedEachTime() {
        failuresLeft.set(2);
        delivery(true, 10).raise(failedFor(project));

        await().atMost(Duration.ofSeconds(10)).until(() -> signatures.size() == 3);
        assertThat(signatures).allSatisfy(s -> assertThat(s).startsWith("sha256="));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> verify(store)
                        .recordOutcome(
                                eq(project.id()),
                                anyString(),
                                eq("deployment.failed"),
                                eq("HTTP 204, delivered (attempt 3)"),
                                any()));
        verify(events).publishEvent(any(OwnerAlerted.class));
    }

    @Test
    void aReceiverOnThisMachineIsRefusedUnlessTheInstallationAllowsIt() {
        delivery(false, 10).raise(failedFor(project));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> verify(store)
                        .recordOutcome(
                                eq(project.id()),
                                anyString(),
                                eq("deployment.failed"),
                                org.mockito.ArgumentMatchers.startsWith("Refused: The host 127.0.0.1 is at 127.0.0.1"),
                                any()));
        assertThat(signatures).isEmpty();
    }

    @Test
    void aReceiverThatNeverAcceptsIsTriedAFewTimesAndThenLeftAlone() {
        failuresLeft.set(100);
        delivery(true, 10).raise(failedFor(project));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> verify(store)
                        .recordOutcome(
                                eq(project.id()),
                                anyString(),
                                anyString(),
                                eq("HTTP 503, not accepted (attempt 4)"),
                                any()));
        assertThat(signatures).hasSize(4);
    }

    @Test
    void raisingNeverWaitsAndAFullQueueDropsTheRest() {
        failuresLeft.set(1_000);
        WebhookDelivery small = delivery(true, 2);

        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            small.raise(failedFor(project));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

        await().atMost(Duration.ofSeconds(10)).until(() -> signatures.size() >= 8);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> signatures.size() == 8);
    }

    @Test
    void aProjectWithoutAWebhookStillToastsItsOwnerAndSendsNothing() {
        when(store.target(project.id())).thenReturn(Optional.empty());
        delivery(true, 10).raise(failedFor(project));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(events).publishEvent(any(OwnerAlerted.class)));
        verify(store, never()).recordOutcome(any(), any(), any(), any(), any());
    }
}
