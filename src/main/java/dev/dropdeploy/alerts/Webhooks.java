package dev.dropdeploy.alerts;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The alerts module's entry point: a project's webhook, set, read, tested and removed by its owner (an admin reaches
 * every project). Another user's project reads as absent ({@link ProjectNotFound}).
 */
@Service
public class Webhooks {

    /** A webhook just saved, with the secret the receiver checks signatures with; it is shown only this once. */
    public record Saved(Webhook webhook, String secret) {}

    /** What a test delivery came to. */
    public record TestResult(boolean delivered, String outcome) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Projects projects;
    private final WebhookStore store;
    private final WebhookDelivery delivery;
    private final Clock clock;

    Webhooks(Projects projects, WebhookStore store, WebhookDelivery delivery, Clock clock) {
        this.projects = projects;
        this.store = store;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Sets the project's webhook with a new secret. The URL is vetted now (form and resolved addresses) and again
     * before every delivery.
     *
     * @throws WebhookUrlRefused with the reason, leaving any earlier webhook as it was
     */
    public Saved set(AccountUser user, UUID projectId, String url) {
        ProjectSummary project = owned(user, projectId);
        String vetted = WebhookAddresses.parse(url).toString();
        delivery.vet(vetted);
        String secret = "whsec_" + HexFormat.of().formatHex(randomBytes());
        store.save(project.id(), vetted, secret, clock.instant());
        return new Saved(store.find(project.id()).orElseThrow(), secret);
    }

    public Optional<Webhook> find(AccountUser user, UUID projectId) {
        return store.find(owned(user, projectId).id());
    }

    /** @return whether there was one */
    public boolean remove(AccountUser user, UUID projectId) {
        return store.delete(owned(user, projectId).id());
    }

    /** Sends a signed {@code ping} now and waits for the answer (at most the connect and read timeouts). */
    public Optional<TestResult> test(AccountUser user, UUID projectId) {
        ProjectSummary project = owned(user, projectId);
        return store.target(project.id()).map(target -> {
            WebhookDelivery.Outcome outcome = delivery.ping(project, target);
            return new TestResult(outcome.delivered(), outcome.words());
        });
    }

    private ProjectSummary owned(AccountUser user, UUID projectId) {
        return projects.find(user, projectId).orElseThrow(() -> new ProjectNotFound(projectId.toString()));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
