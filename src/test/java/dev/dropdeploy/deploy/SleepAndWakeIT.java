package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.routing.RouteTable;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.ManagedContainer;
import dev.dropdeploy.sleep.SleepSettings;
import dev.dropdeploy.support.FileDeploys;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.workspace.ProjectSummary;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real app falls asleep when idle (its container stopped, its hosts at the waker) and the next request through
 * Traefik wakes it: a browser gets the waking page and then the app, an API client the app (after a 307) or a 503 with
 * {@code Retry-After}; what it wrote to its data folder is still there, and start-up reconciliation leaves it asleep.
 */
class SleepAndWakeIT extends LiveInstallationIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SleepAndWakeIT.class);

    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @DynamicPropertySource
    static void sleepSoon(DynamicPropertyRegistry registry) {
        registry.add("dropdeploy.sleep.default-idle", () -> "3s");
        registry.add("dropdeploy.sleep.check-every", () -> "1s");
    }

    @Autowired
    SleepSettings settings;

    @Autowired
    SleepingApps sleeping;

    @Autowired
    AppContainers containers;

    @Autowired
    RouteTable routes;

    @Autowired
    AppAddresses addresses;

    @Autowired
    Reconciler reconciler;

    @Autowired
    dev.dropdeploy.data.DataServices data;

    @Test
    void anIdleAppSleepsAndABrowserThroughTraefikWakesItWithItsDataKept() throws Exception {
        ProjectSummary project = newProject("Sleepy Notes");
        data.attach(owner, project.id(), dev.dropdeploy.data.DataKind.FOLDER);
        settings.set(owner, project.id(), Optional.of(Duration.ZERO)); // awake until the data is written
        DeploymentView live = deploy(project, FileDeploys.notebookApp("notes"));
        assertThat(live.state()).as(String.valueOf(live.reason())).isEqualTo(DeploymentState.LIVE);
        assertThat(api(live.url() + "/visit").body()).isEqualTo("notes 1");

        fallAsleep(project, live);
        reconciler.reconcile();
        assertThat(sleeping.isAsleep(project.id()))
                .as("start-up leaves a sleeping app asleep")
                .isTrue();
        assertThat(container(live).running()).isFalse();
        assertThat(routes.sleepingProjectAt(addresses.projectHost(project.slug())))
                .contains(project.slug());

        HttpResponse<String> waking = browser(live.url());
        assertThat(waking.statusCode()).isEqualTo(503);
        assertThat(waking.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(waking.body()).contains("waking up").contains("http-equiv=\"refresh\"");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(browser(live.url()).body()).isEqualTo("notebook"));
        assertThat(sleeping.isAsleep(project.id())).isFalse();
        assertThat(container(live).running()).isTrue();
        assertThat(api(live.url() + "/visit").body())
                .as("the data folder survived")
                .isEqualTo("notes 2");
    }

    @Test
    void anApiClientIsHeldWhileTheAppWakesAndThenGetsTheApp() throws Exception {
        ProjectSummary project = newProject("Sleepy Api");
        data.attach(owner, project.id(), dev.dropdeploy.data.DataKind.FOLDER);
        settings.set(owner, project.id(), Optional.of(Duration.ZERO));
        DeploymentView live = deploy(project, FileDeploys.notebookApp("notes"));
        assertThat(live.state()).as(String.valueOf(live.reason())).isEqualTo(DeploymentState.LIVE);
        assertThat(api(live.url() + "/visit").body()).isEqualTo("notes 1");
        fallAsleep(project, live);

        long started = System.nanoTime();
        HttpResponse<String> first = api(live.url() + "/visit?from=api");
        if (first.statusCode() == 503) {
            assertThat(first.headers().firstValue("Retry-After")).isPresent();
        } else {
            assertThat(first.statusCode()).isEqualTo(307);
            assertThat(first.headers().firstValue("Location")).contains("/visit?from=api");
        }
        awaitTheApp(live);
        log.info(
                "Wake time of a Flask app, request to its first answer: {} ms",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(api(live.url() + "/visit").body()).isEqualTo("notes 2");
    }

    @Test
    void aStaticSiteWakesTheSameWay() throws Exception {
        ProjectSummary project = newProject("Sleepy Page");
        settings.set(owner, project.id(), Optional.of(Duration.ZERO));
        DeploymentView live = deploy(project, Map.of("index.html", "<!doctype html><h1>static page</h1>\n"));
        assertThat(live.state()).as(String.valueOf(live.reason())).isEqualTo(DeploymentState.LIVE);
        fallAsleep(project, live);

        long started = System.nanoTime();
        HttpResponse<String> first = api(live.url() + "/");
        assertThat(first.statusCode()).isIn(307, 503);
        awaitTheApp(live);
        log.info(
                "Wake time of a static site, request to its first answer: {} ms",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(api(live.url() + "/").body()).contains("static page");
    }

    /** Polls as an API client that follows the waker's 307 or retries its 503 would, until the app itself answers. */
    private static void awaitTheApp(DeploymentView live) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> answer = api(live.url() + "/");
                    return answer.statusCode() == 200
                            && answer.headers()
                                    .firstValue("X-DropDeploy-Deployment")
                                    .isPresent();
                });
    }

    @Test
    void aHostNoSleepingProjectOwnsWakesNothing() {
        HttpResponse<String> answer = Http.send(Http.toApp("http://localhost:" + APP_PORT + "/internal/waker")
                .header("Host", "nobody-sleeps-here.localhost"));

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    /** Lets the installation's 3-second idle time apply, waits for the sleep, then keeps the app from sleeping again. */
    private void fallAsleep(ProjectSummary project, DeploymentView live) {
        settings.set(owner, project.id(), Optional.empty());
        await().atMost(Duration.ofSeconds(30)).until(() -> sleeping.isAsleep(project.id()));
        settings.set(owner, project.id(), Optional.of(Duration.ZERO));
        // Stopped, not removed: the same container wakes.
        await().atMost(Duration.ofSeconds(30)).until(() -> !container(live).running());
        assertThat(routes.find(RouteNames.project(project.slug()))).isEmpty();
    }

    private ManagedContainer container(DeploymentView deployment) {
        return containers.managed().stream()
                .filter(c -> c.deploymentId().equals(deployment.id().toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No container for " + deployment.id()));
    }

    private static HttpResponse<String> browser(String url) {
        return Http.send(Http.toApp(url).header("Accept", BROWSER));
    }

    private static HttpResponse<String> api(String url) {
        return Http.send(Http.toApp(url).header("Accept", "*/*"));
    }
}
