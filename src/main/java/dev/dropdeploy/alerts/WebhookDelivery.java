package dev.dropdeploy.alerts;

import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Sends alerts off the caller's thread: a deployment or the sampler only hands an alert over and goes on. At most
 * {@code queue-size} alerts wait or retry at once (more are dropped with a warning, so a dead receiver cannot hold
 * memory); each attempt has connect and read timeouts, and a failed one (no answer, 408, 429 or 5xx) is tried again
 * after a doubling back-off, up to {@code attempts} times. The owner's toast is published from here too, so even that
 * database read happens off the deployment's thread.
 */
@Component
class WebhookDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    /** What one attempt came to. */
    record Outcome(boolean delivered, boolean retry, String words) {}

    private final WebhookStore store;
    private final Projects projects;
    private final ApplicationEventPublisher events;
    private final AlertsProperties properties;
    private final WebhookAddresses addresses;
    private final Clock clock;
    private final Semaphore room;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(
            2, Thread.ofPlatform().name("webhook-", 0).daemon().factory());

    WebhookDelivery(
            WebhookStore store,
            Projects projects,
            ApplicationEventPublisher events,
            AlertsProperties properties,
            Clock clock) {
        this.store = store;
        this.projects = projects;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.addresses = new WebhookAddresses(properties.allowPrivateAddresses(), InetAddress::getAllByName);
        this.room = new Semaphore(properties.queueSize());
    }

    /** Returns at once; the alert is sent (and toasted) later, or dropped with a warning when the queue is full. */
    void raise(Alert alert) {
        if (!room.tryAcquire()) {
            log.warn(
                    "Alert {} for project {} dropped: {} alerts are waiting",
                    alert.kind().event,
                    alert.projectId(),
                    properties.queueSize());
            return;
        }
        try {
            executor.execute(() -> first(alert));
        } catch (RejectedExecutionException e) {
            room.release(); // shutting down
        }
    }

    private void first(Alert alert) {
        try {
            ProjectSummary project = projects.findAsSystem(alert.projectId()).orElse(null);
            if (project == null) {
                room.release();
                return;
            }
            if (alert.kind().toast) {
                projects.ownerIdAsSystem(project.id())
                        .ifPresent(owner -> events.publishEvent(new OwnerAlerted(
                                owner,
                                project.id(),
                                project.slug(),
                                alert.kind().event,
                                project.name() + ": " + alert.summary())));
            }
            WebhookStore.Target target = store.target(project.id()).orElse(null);
            if (target == null) {
                room.release();
                return;
            }
            UUID id = UUID.randomUUID(); // the same on every attempt, so a receiver can drop repeats
            attempt(project, target, alert, id, AlertPayloads.body(id, alert, project), 1);
        } catch (RuntimeException e) {
            room.release();
            log.warn("Alert {} for project {} not sent: {}", alert.kind().event, alert.projectId(), e.toString());
        }
    }

    private void attempt(ProjectSummary project, WebhookStore.Target target, Alert alert, UUID id, byte[] body, int n) {
        Outcome outcome = sendOnce(target, alert.kind(), id, body);
        boolean again = outcome.retry() && n < properties.attempts();
        String words = outcome.words() + (n > 1 ? " (attempt " + n + ")" : "") + (again ? "; trying again" : "");
        try {
            store.recordOutcome(project.id(), target.url(), alert.kind().event, words, clock.instant());
        } catch (RuntimeException e) {
            log.debug("Webhook outcome not recorded: {}", e.getMessage());
        }
        if (!again) {
            room.release();
            return;
        }
        long delay = properties.backoff().toMillis() << Math.min(n - 1, 10);
        try {
            executor.schedule(() -> attempt(project, target, alert, id, body, n + 1), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            room.release();
        }
    }

    /** One attempt, on the caller's thread: the delivery's own steps, and the "Send a test" button. */
    Outcome sendOnce(WebhookStore.Target target, AlertKind kind, UUID deliveryId, byte[] body) {
        try {
            URI uri = WebhookAddresses.parse(target.url());
            InetAddress address = addresses.vet(uri); // at send time: the name may point elsewhere than when saved
            long timestamp = clock.instant().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(WebhookSignature.EVENT_HEADER, kind.event);
            headers.put(WebhookSignature.DELIVERY_HEADER, deliveryId.toString());
            headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), timestamp, body));
            int status =
                    PinnedPost.send(uri, address, headers, body, properties.connectTimeout(), properties.readTimeout());
            boolean delivered = status >= 200 && status < 300;
            boolean retry = status == 408 || status == 429 || status >= 500;
            return new Outcome(delivered, retry, "HTTP " + status + (delivered ? ", delivered" : ", not accepted"));
        } catch (WebhookUrlRefused e) {
            return new Outcome(false, false, "Refused: " + e.getMessage());
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(false, true, "Could not reach the receiver: " + why);
        } catch (RuntimeException e) { // whatever else a hostile URL provokes ends this delivery, never the queue
            return new Outcome(false, false, "Not sent: " + e.getMessage());
        }
    }

    /** Refuses a URL whose host resolves to an address deliveries may not reach. */
    void vet(String url) {
        addresses.vet(WebhookAddresses.parse(url));
    }

    /** A "ping" to the project's webhook now, once, without retries: what the owner's test button waits for. */
    Outcome ping(ProjectSummary project, WebhookStore.Target target) {
        UUID id = UUID.randomUUID();
        Alert ping = new Alert(AlertKind.PING, project.id(), null, null, clock.instant(), Map.of(), "test");
        Outcome outcome = sendOnce(target, AlertKind.PING, id, AlertPayloads.body(id, ping, project));
        store.recordOutcome(project.id(), target.url(), AlertKind.PING.event, outcome.words(), clock.instant());
        return outcome;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
