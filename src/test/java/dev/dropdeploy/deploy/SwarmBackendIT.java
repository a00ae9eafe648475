package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.RuntimeProperties;
import dev.dropdeploy.support.ContainerExec;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.LiveInstallationIT;
import dev.dropdeploy.support.SwarmForTests;
import dev.dropdeploy.workspace.ProjectSummary;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The deploy pipeline, unchanged, on the Swarm backend (this engine as the swarm's manager): apps become services on
 * encrypted overlays, serve through Traefik, keep their hardening, and switch versions without a failed request.
 */
@Tag("swarm")
class SwarmBackendIT extends LiveInstallationIT {

    @DynamicPropertySource
    static void runAppsOnTheSwarm(DynamicPropertyRegistry registry) {
        SwarmForTests.registerSwarmBackend(registry);
    }

    @Autowired
    AppContainers containers;

    @Autowired
    DeploymentRepository deploymentRows;

    @Autowired
    RuntimeProperties runtime;

    final DockerClient docker = SwarmForTests.manager();

    @AfterAll
    void removeTheProbeRelay() {
        SwarmForTests.removeProbeRelay(runtime.instance());
        SwarmForTests.removeRegistry(runtime.instance());
    }

    @Test
    void anAppDeployedOnTheSwarmIsAServiceThatServesThroughTraefik() throws IOException {
        ProjectSummary project = newProject("Swarm Site");
        DeploymentView live = deploy(project, Map.of("index.html", "<p>served by a swarm task</p>"));

        assertThat(live.state()).as(String.valueOf(live.reason())).isEqualTo(DeploymentState.LIVE);
        assertThat(viaTraefik(project.slug() + ".localhost").body()).contains("served by a swarm task");
        assertThat(viaTraefik("v1--" + project.slug() + ".localhost").body()).contains("served by a swarm task");
        Service service = service(project.slug());
        assertThat(service.getSpec().getLabels()).containsEntry("dropdeploy.project", project.slug());
        assertThat(docker.inspectNetworkCmd()
                        .withNetworkId("dd-net-" + project.slug())
                        .exec()
                        .getDriver())
                .isEqualTo("overlay");
        assertThat(containers.logs(service.getId(), 50)).isNotNull();
    }

    @Test
    void theHardeningIsInTheServiceSpecAndVisibleFromInsideItsTask() throws IOException {
        ProjectSummary project = newProject("Swarm Hardened");
        DeploymentView live = deploy(project, Map.of("index.html", "<p>hardened</p>"));
        assertThat(live.state()).as(String.valueOf(live.reason())).isEqualTo(DeploymentState.LIVE);

        String spec = docker.inspectServiceCmd(service(project.slug()).getId())
                .exec()
                .getSpec()
                .getTaskTemplate()
                .toString();
        Task task = runningTask(service(project.slug()).getId());
        String container = task.getStatus().getContainerStatus().getContainerID();
        var inspect = docker.inspectContainerCmd(container).exec();
        assertThat(inspect.getHostConfig().getCapDrop())
                .extracting(Object::toString)
                .contains("ALL");
        assertThat(inspect.getHostConfig().getReadonlyRootfs()).isTrue();
        assertThat(inspect.getHostConfig().getPidsLimit()).isPositive();
        assertThat(inspect.getHostConfig().getMemory()).isPositive();
        assertThat(inspect.getConfig().getUser()).doesNotStartWith("0").isNotBlank();
        String inside = exec(container, "sh", "-c", "id -u; grep CapEff /proc/self/status; touch /x 2>&1; echo done");
        System.out.println("Inside the task: " + inside.replace('\n', ' ') + " | spec: " + spec);
        assertThat(inside)
                .doesNotStartWith("0\n")
                .contains("CapEff:\t0000000000000000")
                .contains("Read-only");
    }

    @Test
    void aRedeployOnTheSwarmFailsNoRequest() throws Exception {
        ProjectSummary project = newProject("Swarm Redeploy");
        assertThat(deploy(project, Map.of("index.html", "<p>answer v1</p>")).state())
                .isEqualTo(DeploymentState.LIVE);
        long started = System.nanoTime();
        try (SteadyLoad load = SteadyLoad.start(entry(), project.slug() + ".localhost")) {
            DeploymentView v2 = deploy(project, Map.of("index.html", "<p>answer v2</p>"));
            assertThat(v2.state()).as(String.valueOf(v2.reason())).isEqualTo(DeploymentState.LIVE);
            load.stop();
            System.out.printf(
                    "Swarm redeploy: %d requests, %d failed (%s), %.1f s%n",
                    load.bodies().size() + load.failures(),
                    load.failures(),
                    load.failureSamples(),
                    (System.nanoTime() - started) / 1e9);
            assertThat(load.failures())
                    .as("failed requests: %s", load.failureSamples())
                    .isZero();
            assertThat(load.switchedOnce("answer v1", "answer v2")).isTrue();
        }
    }

    @Test
    void aStoppedAppIsScaledToZeroAndBackOnStart() throws IOException {
        ProjectSummary project = newProject("Swarm Sleep");
        assertThat(deploy(project, Map.of("index.html", "<p>wakes</p>")).state())
                .isEqualTo(DeploymentState.LIVE);
        Service before = service(project.slug());

        containers.stop(before.getId(), java.time.Duration.ofSeconds(1));
        assertThat(replicas(before.getId())).isZero();
        var again = containers.startAgain(before.getId(), 8080);
        assertThat(replicas(before.getId())).isEqualTo(1);
        assertThat(containers
                        .awaitHealthy(again, "/", java.time.Duration.ofSeconds(30))
                        .healthy())
                .isTrue();
    }

    @Test
    void anAppThatCrashesOnStartIsAFailedDeploymentWithItsExitCode() throws IOException {
        ProjectSummary project = newProject("Swarm Crash");
        DeploymentView failed = deploy(
                project,
                Map.of(
                        "requirements.txt", "flask==3.1.2\n",
                        "app.py", "import sys\nfrom flask import Flask\napp = Flask(__name__)\nsys.exit(3)\n"));

        assertThat(failed.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(failed.reason()).contains("stopped during start-up with exit code");
        assertThat(docker.listServicesCmd()
                        .withLabelFilter(Map.of("dropdeploy.project", project.slug()))
                        .exec())
                .isEmpty();
    }

    private long replicas(String serviceId) {
        return docker.inspectServiceCmd(serviceId)
                .exec()
                .getSpec()
                .getMode()
                .getReplicated()
                .getReplicas();
    }

    private Service service(String slug) {
        List<Service> services = docker.listServicesCmd()
                .withLabelFilter(Map.of("dropdeploy.project", slug))
                .exec();
        assertThat(services).isNotEmpty();
        return services.stream()
                .max(java.util.Comparator.comparing(s -> s.getSpec().getLabels().get("dropdeploy.version")))
                .orElseThrow();
    }

    private Task runningTask(String serviceId) {
        return docker.listTasksCmd().withServiceFilter(serviceId).exec().stream()
                .filter(t -> t.getStatus().getState() == TaskState.RUNNING)
                .findFirst()
                .orElseThrow();
    }

    private String exec(String container, String... command) {
        StringBuilder out = new StringBuilder();
        ContainerExec.exec(docker, container, out, command);
        return out.toString();
    }

    private static String entry() {
        return "http://localhost:" + TRAEFIK.getMappedPort(80) + "/";
    }

    private static HttpResponse<String> viaTraefik(String host) {
        return Http.getWithHost(entry(), host);
    }
}
