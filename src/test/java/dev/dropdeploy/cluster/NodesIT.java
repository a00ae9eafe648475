package dev.dropdeploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.TaskSpec;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.runtime.RuntimeProperties;
import dev.dropdeploy.support.ApiClient;
import dev.dropdeploy.support.Browser;
import dev.dropdeploy.support.CatalogImages;
import dev.dropdeploy.support.CliScript;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.support.SwarmForTests;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testcontainers.DockerClientFactory;

/**
 * The host engine as a one-node swarm: the manager is listed with a labelled service's task on it, drained from the
 * Nodes page in a browser (the task leaves it), made active again through the API (the task comes back), and other
 * users' keys are refused. The manager's availability is put back whatever happens.
 */
@Tag("swarm")
class NodesIT extends LiveInstallationIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    Nodes nodes;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeProperties runtime;

    private final DockerClient docker = DockerClientFactory.instance().client();

    @Test
    void theNodesPageListsTheManagerWithItsTaskAndDrainsAndActivatesIt(@TempDir Path scratch) throws Exception {
        String managerId = SwarmForTests.ensureManager();
        AccountUser admin = newAdministrator();
        String project = "nodesit-" + UUID.randomUUID().toString().substring(0, 8);
        String serviceId = createService(project, managerId);
        // The service first, so a browser that cannot start still leaves nothing behind on the engine.
        try {
            WebDriver browser = Browser.start();
            try {
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThat(taskOn(admin, managerId, project))
                                .hasValueSatisfying(t -> assertThat(t.running()).isTrue()));
                Node manager = node(admin, managerId);
                assertThat(manager.role()).isEqualTo("manager");
                assertThat(manager.ready()).isTrue();
                assertThat(manager.managerReachability()).isEqualTo("reachable");
                assertThat(manager.cpus()).isPositive();

                Browser.signIn(browser, base(), admin.username(), PASSWORD);
                browser.get(base() + "/admin/nodes");
                Browser.waitFor(browser, () -> cardText(browser, managerId).contains(project + " v1"));
                assertThat(cardText(browser, managerId))
                        .contains(manager.hostname(), "READY", "manager", project + " v1", "running");
                card(browser, managerId)
                        .orElseThrow()
                        .findElement(By.className("node-drain"))
                        .click();
                Browser.waitFor(
                        browser,
                        () -> !browser.findElements(By.id("node-confirm")).isEmpty());
                browser.findElement(By.id("node-confirm")).click();

                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(node(admin, managerId).drained()).isTrue();
                    assertThat(taskOn(admin, managerId, project))
                            .as("Swarm took the task off")
                            .isEmpty();
                });
                Browser.waitFor(
                        browser,
                        () -> cardText(browser, managerId).contains("drain")
                                && !browser.findElements(By.cssSelector(".node .node-activate"))
                                        .isEmpty());
                Browser.screenshot(browser, "nodes");

                String apiKey = keys.create(admin, "nodes").key();
                ApiClient api = new ApiClient(base(), apiKey);
                HttpResponse<String> activated = api.send("POST", "/admin/nodes/" + managerId + "/activate");
                assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
                assertThat(activated.body()).contains("\"availability\":\"active\"");
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThat(taskOn(admin, managerId, project))
                                .hasValueSatisfying(t -> assertThat(t.running()).isTrue()));
                CliScript.Run ls = new CliScript(base(), scratch).run(apiKey, "node", "ls");
                assertThat(ls.exit()).as(ls.err()).isZero();
                assertThat(ls.out()).contains("ready", managerId.substring(0, 12), "manager*", "active", project);
                HttpResponse<String> listed = api.send("GET", "/admin/nodes");
                assertThat(listed.statusCode()).isEqualTo(200);
                assertThat(listed.body()).contains("\"mode\":\"SWARM\"", managerId, project);
                assertThat(api.send("POST", "/admin/nodes/no-such-node/drain").statusCode())
                        .isEqualTo(404);
            } finally {
                browser.quit();
            }
        } finally {
            restoreActive(managerId);
            docker.removeServiceCmd(serviceId).exec();
        }
    }

    @Test
    void aUserWhoIsNotAnAdministratorGetsForbiddenFromTheNodesApi() {
        // Not the owner: whoever signs up first on an installation is its administrator, which the owner may be.
        AccountUser ann =
                accounts.signUp("nodesit-ann-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        assertThat(ann.admin()).isFalse();
        ApiClient api = new ApiClient(base(), keys.create(ann, "not admin").key());

        HttpResponse<String> listed = api.send("GET", "/admin/nodes");
        HttpResponse<String> drained = api.send("POST", "/admin/nodes/anything/drain");

        assertThat(listed.statusCode()).isEqualTo(403);
        assertThat(listed.body()).contains("\"error\":\"forbidden\"");
        assertThat(drained.statusCode()).isEqualTo(403);
    }

    /** The class's owner stays an ordinary user; this one is made administrator in the database. */
    private AccountUser newAdministrator() {
        AccountUser user =
                accounts.signUp("nodesit-admin-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD);
        jdbc.update("update app_user set admin = true where id = ?", user.id());
        return new AccountUser(user.id(), user.username(), true);
    }

    private String createService(String project, String managerId) {
        Map<String, String> labels = Map.of(
                "dropdeploy.managed",
                "true",
                "dropdeploy.instance",
                runtime.instance(),
                "dropdeploy.project",
                project,
                "dropdeploy.version",
                "1");
        ServiceSpec spec = new ServiceSpec()
                .withName("dd-" + project)
                .withLabels(labels)
                .withTaskTemplate(new TaskSpec()
                        .withContainerSpec(new ContainerSpec()
                                .withImage(CatalogImages.image("static").asCanonicalNameString())
                                .withLabels(labels))
                        // On this engine only, whatever other nodes the swarm has: draining it must leave the task
                        // nowhere to go.
                        .withPlacement(new ServicePlacement().withConstraints(List.of("node.id==" + managerId))))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)));
        return docker.createServiceCmd(spec).exec().getId();
    }

    private void restoreActive(String managerId) {
        SwarmNode manager = docker.listSwarmNodesCmd().withIdFilter(List.of(managerId)).exec().stream()
                .filter(n -> managerId.equals(n.getId()))
                .findFirst()
                .orElseThrow();
        if (manager.getSpec().getAvailability() != SwarmNodeAvailability.ACTIVE) {
            docker.updateSwarmNodeCmd()
                    .withSwarmNodeId(managerId)
                    .withVersion(manager.getVersion().getIndex())
                    .withSwarmNodeSpec(manager.getSpec().withAvailability(SwarmNodeAvailability.ACTIVE))
                    .exec();
        }
    }

    private Node node(AccountUser admin, String id) {
        return nodes.read(admin).nodes().stream()
                .filter(n -> n.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private Optional<NodeTask> taskOn(AccountUser admin, String nodeId, String project) {
        return node(admin, nodeId).tasks().stream()
                .filter(t -> t.project().equals(project) && !"shutdown".equals(t.state()))
                .findFirst();
    }

    /** Empty while the page redraws the card (a drain or refresh replaces it). */
    private static String cardText(WebDriver browser, String nodeId) {
        try {
            return card(browser, nodeId).map(WebElement::getText).orElse("");
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }

    private static Optional<WebElement> card(WebDriver browser, String nodeId) {
        return browser.findElements(By.cssSelector(".node[data-node-id='" + nodeId + "']")).stream()
                .findFirst();
    }

    private static String base() {
        return "http://localhost:" + APP_PORT;
    }
}
