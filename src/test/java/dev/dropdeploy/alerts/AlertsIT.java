package dev.dropdeploy.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentStatistics;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.metrics.AppMetrics;
import dev.dropdeploy.metrics.MetricWindow;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.workspace.ProjectSummary;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver inside the test (an HTTP server on this machine, which the installation setting allows) gets
 * signed events for a deployment that goes live, one that fails and an app that crashes; the owner's toasts follow the
 * same events; the dashboard counts those deployments.
 */
class AlertsIT extends LiveInstallationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void receiverOnThisMachine(DynamicPropertyRegistry registry) {
        registry.add("dropdeploy.alerts.allow-private-addresses", () -> "true");
        registry.add("dropdeploy.alerts.backoff", () -> "200ms");
        registry.add("dropdeploy.metrics.interval", () -> "2s");
    }

    record Received(String event, String timestamp, String signature, byte[] body) {}

    @Autowired
    Webhooks webhooks;

    @Autowired
    DeploymentStatistics statistics;

    @Autowired
    AppMetrics metrics;

    @Autowired
    ConfigurableApplicationContext context;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<OwnerAlerted> toasts = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private String secret;
    private ProjectSummary project;
    private DeploymentView good;
    private DeploymentView refused;

    @BeforeAll
    void startTheReceiverAndDeploy() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-DropDeploy-Event"),
                    exchange.getRequestHeaders().getFirst("X-DropDeploy-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-DropDeploy-Signature"),
                    body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        context.addApplicationListener((PayloadApplicationEvent<?> event) -> {
            if (event.getPayload() instanceof OwnerAlerted alert) {
                toasts.add(alert);
            }
        });

        project = newProject("Alerted App");
        secret = webhooks.set(
                        owner,
                        project.id(),
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                .secret();
        good = deploy(project, Map.of("index.html", "<h1>alerts v1</h1>"));
        refused = deploy(
                project,
                Map.of(
                        "package.json",
                        "{\"name\":\"refusing\",\"version\":\"1.0.0\",\"scripts\":{\"start\":\"node server.js\"}}",
                        "server.js",
                        "require('http').createServer((q, s) => { s.statusCode = 403; s.end('go away'); })"
                                + ".listen(process.env.PORT, '0.0.0.0');\n"));
    }

    @AfterAll
    void stopTheReceiver() {
        receiver.stop(0);
    }

    @Test
    void aDeploymentThatWentLiveIsPostedSignedWithItsAddress() {
        assertThat(good.state()).as(good.reason()).isEqualTo(DeploymentState.LIVE);

        JsonNode body = await().atMost(Duration.ofSeconds(30)).until(() -> find("deployment.live"), b -> b != null);

        assertThat(body.path("project").path("slug").asString()).isEqualTo(project.slug());
        assertThat(body.path("deployment").path("id").asString())
                .isEqualTo(good.id().toString());
        assertThat(body.path("url").asString()).isEqualTo(good.url());
    }

    @Test
    void aFailedDeploymentIsPostedSignedWithItsReasonAndToastedToItsOwner() {
        assertThat(refused.state()).isEqualTo(DeploymentState.FAILED);

        JsonNode body = await().atMost(Duration.ofSeconds(30)).until(() -> find("deployment.failed"), b -> b != null);

        assertThat(body.path("deployment").path("id").asString())
                .isEqualTo(refused.id().toString());
        assertThat(body.path("deployment").path("version").asInt()).isEqualTo(refused.version());
        assertThat(body.path("reason").asString()).isEqualTo(refused.reason()).contains("HTTP 403");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(toasts).anySatisfy(t -> {
                    assertThat(t.ownerId()).isEqualTo(owner.id());
                    assertThat(t.kind()).isEqualTo("deployment.failed");
                    assertThat(t.message()).startsWith("Alerted App: ").contains("HTTP 403");
                }));
        assertThat(toasts).noneSatisfy(t -> assertThat(t.kind()).isEqualTo("deployment.live"));
    }

    @Test
    void anAppThatCrashesAndIsRestartedByTheEngineIsPosted() throws IOException {
        ProjectSummary crashing = newProject("Crashing App");
        String crashingSecret = webhooks.set(
                        owner,
                        crashing.id(),
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                .secret();
        DeploymentView live = deploy(
                crashing,
                Map.of(
                        "package.json",
                        "{\"name\":\"crashing\",\"version\":\"1.0.0\",\"scripts\":{\"start\":\"node server.js\"}}",
                        "server.js",
                        "require('http').createServer((q, s) => { if (q.url === '/crash') process.exit(3);"
                                + " s.end('up'); }).listen(process.env.PORT, '0.0.0.0');\n"));
        assertThat(live.state()).as(live.reason()).isEqualTo(DeploymentState.LIVE);
        // The sampler must have read the container once, so a later reading has a restart count to compare with.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        !metrics.series(owner, crashing.id(), MetricWindow.HOUR).isEmpty());

        try {
            Http.send(Http.toApp(live.url() + "/crash").GET());
        } catch (RuntimeException expected) {
            // the process exits before it answers
        }

        Received restarted = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> received.stream()
                                .filter(r -> "app.restarted".equals(r.event()))
                                .filter(r -> body(r).path("project")
                                        .path("id")
                                        .asString()
                                        .equals(crashing.id().toString()))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
        assertThat(signedWith(crashingSecret, restarted)).isTrue();
        assertThat(body(restarted).path("restarts").asInt()).isPositive();
    }

    @Test
    void theDashboardCountsTheseDeploymentsForTheirOwner() {
        DeploymentStatistics.Summary summary = statistics.summary(owner, 14);

        DeploymentStatistics.Day today = summary.perDay().getLast();
        assertThat(summary.perDay()).hasSize(14);
        assertThat(today.date()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(today.started()).isGreaterThanOrEqualTo(2);
        assertThat(today.wentLive()).isGreaterThanOrEqualTo(1);
        assertThat(today.failed()).isGreaterThanOrEqualTo(1);
        assertThat(summary.successRate()).isBetween(0.01, 0.99);
        assertThat(summary.filesToLive()).anySatisfy(s -> {
            assertThat(s.stack()).isEqualTo(good.stack());
            assertThat(s.median()).isPositive().isLessThan(Duration.ofMinutes(5));
            assertThat(s.p95()).isGreaterThanOrEqualTo(s.median());
        });
        assertThat(summary.buildMinutes()).isPositive();
        assertThat(summary.runningApps()).isGreaterThanOrEqualTo(1);
        assertThat(summary.logBytes()).isPositive();
        assertThat(summary.imageBytes()).isPositive();
        System.out.printf(
                "dashboard: %s started today, success %.2f, files to live %s, %.2f build minutes, %d images bytes%n",
                today.started(),
                summary.successRate(),
                summary.filesToLive(),
                summary.buildMinutes(),
                summary.imageBytes());

        DeploymentStatistics.Summary stranger = statistics.summary(
                accounts.signUp("alerts-stranger-" + Instant.now().toEpochMilli(), "correct horse battery"), 30);
        assertThat(stranger.perDay())
                .hasSize(30)
                .allSatisfy(d -> assertThat(d.started()).isZero());
        assertThat(stranger.runningApps()).isZero();
        assertThat(stranger.logBytes()).isZero();
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedAndTheWebhookStaysAsItWas() {
        String before = webhooks.find(owner, project.id()).orElseThrow().url();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> webhooks.set(owner, project.id(), "file:///etc/passwd"))
                .isInstanceOf(WebhookUrlRefused.class);

        assertThat(webhooks.find(owner, project.id()).orElseThrow().url()).isEqualTo(before);
    }

    /** The body of the first signed event of that name for this class's project, or {@code null}. */
    private JsonNode find(String event) {
        return received.stream()
                .filter(r -> event.equals(r.event()))
                .filter(r -> body(r).path("project")
                        .path("id")
                        .asString()
                        .equals(project.id().toString()))
                .filter(r -> {
                    assertThat(signedWith(secret, r))
                            .as("signature of " + event)
                            .isTrue();
                    long age = Instant.now().getEpochSecond() - Long.parseLong(r.timestamp());
                    assertThat(age).isBetween(-5L, 300L);
                    return true;
                })
                .map(AlertsIT::body)
                .findFirst()
                .orElse(null);
    }

    private static JsonNode body(Received r) {
        return JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
    }

    /** What a receiver does, written here from the README rather than with DropDeploy's own code. */
    private static boolean signedWith(String secret, Received r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((r.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
            return ("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body()))).equals(r.signature());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
