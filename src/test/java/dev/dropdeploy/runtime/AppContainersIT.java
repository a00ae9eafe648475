package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import dev.dropdeploy.support.Settings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.testcontainers.DockerClientFactory;

/** The real engine: hardened containers, isolation between projects, health from outside, failures explained. */
class AppContainersIT {

    static final String SERVE = "mkdir -p /tmp/site && echo hello-from-app > /tmp/site/index.html && echo serving"
            + " && exec caddy file-server --root /tmp/site --listen :%d";
    static final String RUN =
            "dd-it-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);

    static DockerClient docker;
    static TestEngine engine;
    static String image;
    static String traefik;
    static DockerAppContainers containers;

    final Set<String> slugs = new HashSet<>();

    @BeforeAll
    static void buildImageAndStandInTraefik() throws IOException {
        docker = DockerClientFactory.instance().client();
        engine = new TestEngine(docker);
        image = engine.buildAppImage("dropdeploy-it/runtime-app:" + RUN);
        // A stand-in for Traefik: any container DropDeploy must join to each project network.
        traefik = docker.createContainerCmd(image)
                .withName(RUN + "-traefik")
                .withEnv("APP=sleep 600")
                .exec()
                .getId();
        docker.startContainerCmd(traefik).exec();
        containers = new DockerAppContainers(
                docker,
                RuntimeTestData.properties(RUN + "-traefik", ""),
                Settings.outputLimits(),
                "unix:///var/run/docker.sock");
    }

    @AfterEach
    void removeProjects() {
        slugs.forEach(containers::removeProject);
    }

    @AfterAll
    static void removeImageAndTraefik() {
        docker.removeContainerCmd(traefik).withForce(true).exec();
        engine.removeImage(image);
    }

    String slug(String name) {
        String slug = RUN + "-" + name;
        slugs.add(slug);
        return slug;
    }

    AppContainer startApp(String slug, int version, String app, boolean readOnly, ResourceLimits limits) {
        Map<String, String> env = Map.of("APP", app, "XDG_CONFIG_HOME", "/tmp/config", "XDG_DATA_HOME", "/tmp/data");
        return containers.start(
                new ContainerSpec(slug, version, "dep-" + version, image, 8080, env, readOnly, limits, null));
    }

    AppContainer startServing(String slug, int version) {
        AppContainer app = startApp(slug, version, SERVE.formatted(8080), true, null);
        assertThat(containers.awaitHealthy(app, "/", Duration.ofSeconds(30)).healthy())
                .isTrue();
        return app;
    }

    /**
     * A free subnet outside the address plan, standing for one the engine's own pools once gave. Not a fixed one of
     * those pools: the engine hands them to other tests' networks, and an overlap is refused.
     */
    static String legacySubnet() {
        List<String> inUse = docker.listNetworksCmd().exec().stream()
                .filter(n -> n.getIpam() != null && n.getIpam().getConfig() != null)
                .flatMap(n -> n.getIpam().getConfig().stream())
                .map(Network.Ipam.Config::getSubnet)
                .toList();
        return NetworkPool.parse("198.18.0.0/15").firstFree(inUse).orElseThrow();
    }

    /** An installation from before the address plan: its networks came from the engine's own pools. */
    @Test
    void a_project_network_from_before_the_address_plan_moves_into_the_pool_once_no_app_uses_it() {
        String slug = slug("legacy");
        docker.createNetworkCmd()
                .withName("dd-net-" + slug)
                .withDriver("bridge")
                .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(legacySubnet())))
                .exec();
        docker.connectToNetworkCmd()
                .withNetworkId("dd-net-" + slug)
                .withContainerId(traefik)
                .exec();

        AppContainer app = startServing(slug, 1);

        String subnet = docker.inspectNetworkCmd()
                .withNetworkId("dd-net-" + slug)
                .exec()
                .getIpam()
                .getConfig()
                .getFirst()
                .getSubnet();
        assertThat(subnet).startsWith("10.20").endsWith("/27");
        assertThat(app.probeTarget()).startsWith("http://10.20");
        assertThat(docker.inspectContainerCmd(traefik)
                        .exec()
                        .getNetworkSettings()
                        .getNetworks())
                .containsKey("dd-net-" + slug);
    }

    @Test
    void a_project_network_from_before_the_address_plan_stays_while_a_stopped_app_still_belongs_to_it() {
        String slug = slug("legacy-stopped");
        String network = "dd-net-" + slug;
        String legacy = legacySubnet();
        docker.createNetworkCmd()
                .withName(network)
                .withDriver("bridge")
                .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(legacy)))
                .exec();
        String stopped = docker.createContainerCmd(image)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network))
                .exec()
                .getId();
        try {
            startServing(slug, 1);

            assertThat(docker.inspectNetworkCmd()
                            .withNetworkId(network)
                            .exec()
                            .getIpam()
                            .getConfig()
                            .getFirst()
                            .getSubnet())
                    .as("replacing it would leave the stopped app pointing at a network that is gone")
                    .isEqualTo(legacy);
        } finally {
            docker.removeContainerCmd(stopped).withForce(true).exec();
        }
    }

    @Test
    void a_started_app_answers_and_is_hardened_as_docker_inspect_shows() {
        long t0 = System.nanoTime();
        AppContainer app = startApp(slug("a"), 1, SERVE.formatted(8080), true, null);
        long t1 = System.nanoTime();
        HealthOutcome outcome = containers.awaitHealthy(app, "/", Duration.ofSeconds(30));
        long t2 = System.nanoTime();
        System.out.printf(
                "start() %d ms, healthy after %d ms (%s)%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, outcome.detail());

        assertThat(outcome.healthy()).as(outcome.detail()).isTrue();
        assertThat(outcome.detail()).startsWith("answered 200 on /");
        assertThat(app.name()).matches("dd-" + slug("a") + "-v1-[a-z0-9]{6}");
        assertThat(app.routeTarget()).isEqualTo("http://" + app.name() + ":8080");
        InspectContainerResponse inspected =
                docker.inspectContainerCmd(app.id()).exec();
        HostConfig host = inspected.getHostConfig();
        assertThat(host.getCapDrop()).contains(Capability.ALL);
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getMemory()).isEqualTo(DataSize.ofMegabytes(512).toBytes());
        assertThat(host.getMemorySwap()).isEqualTo(host.getMemory());
        assertThat(host.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(256L);
        assertThat(host.getRestartPolicy().getName()).as("applied once healthy").isEqualTo("unless-stopped");
        assertThat(inspected.getConfig().getUser()).isEqualTo("10001:10001");
        assertThat(inspected.getMounts())
                .noneMatch(m -> String.valueOf(m.getSource()).contains("docker.sock"));
        assertThat(inspected.getConfig().getLabels())
                .as("the image's own dropdeploy.project label is overridden")
                .containsEntry("dropdeploy.project", slug("a"))
                .containsEntry("dropdeploy.managed", "true")
                .containsEntry("dropdeploy.version", "1");
        assertThat(inspected
                        .getNetworkSettings()
                        .getNetworks()
                        .get("dd-net-" + slug("a"))
                        .getAliases())
                .contains(app.name());
        assertThat(docker.inspectContainerCmd(traefik)
                        .exec()
                        .getNetworkSettings()
                        .getNetworks())
                .containsKey("dd-net-" + slug("a"));
    }

    @Test
    void inside_the_app_there_is_no_docker_socket_no_root_and_no_writable_root() {
        AppContainer app = startServing(slug("inside"), 1);
        StringBuilder out = new StringBuilder();

        assertThat(engine.exec(app.id(), out, "test", "-e", "/var/run/docker.sock"))
                .isNotZero();
        assertThat(engine.exec(app.id(), out, "bash", "-c", "[ \"$(id -u)\" != 0 ]"))
                .isZero();
        assertThat(engine.exec(app.id(), out, "touch", "/should-fail")).isNotZero();
        assertThat(engine.exec(app.id(), out, "bash", "-c", "echo x > /tmp/ok && [ \"$HOME\" = /tmp ]"))
                .isZero();
        assertThat(containers.logs(app.id(), 10)).contains("serving");
    }

    @Test
    void another_projects_app_cannot_reach_this_one_but_its_own_next_version_can() {
        AppContainer a1 = startServing(slug("iso-a"), 1);
        String ip = a1.probeTarget().replaceAll("http://(.*):8080", "$1");
        AppContainer a2 = startServing(slug("iso-a"), 2);
        AppContainer b = startServing(slug("iso-b"), 1);
        StringBuilder out = new StringBuilder();

        String byIp = "exec 3<>/dev/tcp/" + ip + "/8080";
        String byName = "exec 3<>/dev/tcp/" + a1.name() + "/8080";
        assertThat(engine.exec(a2.id(), out, "timeout", "3", "bash", "-c", byName))
                .as("same project")
                .isZero();
        assertThat(engine.exec(b.id(), out, "timeout", "3", "bash", "-c", byIp))
                .as("other project by IP")
                .isNotZero();
        assertThat(engine.exec(b.id(), out, "timeout", "3", "bash", "-c", byName))
                .as("by name")
                .isNotZero();
    }

    @RepeatedTest(3) // the app often exits before start() has read its address: that race must not lose the exit code
    void an_app_that_exits_on_boot_is_reported_at_once_with_its_code_and_last_line() {
        AppContainer app =
                startApp(slug("crash"), 1, "echo 'Error: Cannot find module express' >&2; exit 3", true, null);

        long t0 = System.nanoTime();
        HealthOutcome outcome = containers.awaitHealthy(app, "/", Duration.ofSeconds(30));
        System.out.printf("crash detected after %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        assertThat(outcome.healthy()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.oomKilled()).isFalse();
        assertThat(outcome.logTail()).contains("Error: Cannot find module express");
        assertThat(outcome.detail()).isEqualTo("exited with code 3");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void an_app_on_the_wrong_port_times_out_naming_port_and_path() {
        AppContainer app = startApp(slug("port"), 1, SERVE.formatted(9090), true, null);

        HealthOutcome outcome = containers.awaitHealthy(app, "/health", Duration.ofSeconds(3));

        assertThat(outcome.healthy()).isFalse();
        assertThat(outcome.exitCode()).isNull();
        assertThat(outcome.detail()).startsWith("no answer on port 8080 at /health in 3.0 s");
        assertThat(outcome.logTail()).contains("serving");
    }

    @Test
    void an_app_beyond_its_memory_limit_is_reported_as_out_of_memory() {
        ResourceLimits tiny = new ResourceLimits(DataSize.ofMegabytes(32), 1.0, 64);
        String hog = "x=$(head -c 200000000 /dev/zero | tr '\\0' a); sleep 5";
        AppContainer app = startApp(slug("oom"), 1, hog, true, tiny);

        HealthOutcome outcome = containers.awaitHealthy(app, "/", Duration.ofSeconds(30));

        assertThat(outcome.healthy()).isFalse();
        assertThat(outcome.oomKilled() || Integer.valueOf(137).equals(outcome.exitCode()))
                .as(outcome.detail())
                .isTrue();
    }

    @Test
    void the_reaper_removes_an_orphan_and_keeps_what_it_is_told_to() {
        AppContainer kept = startApp(slug("reap"), 1, "sleep 600", false, null);
        AppContainer orphan = startApp(slug("reap"), 2, "sleep 600", false, null);
        // Other suites may run managed containers on this engine at the same time: keep everything but the orphan.
        Set<String> keep =
                containers.managed().stream().map(ManagedContainer::id).collect(Collectors.toSet());
        keep.remove(orphan.id());

        List<ManagedContainer> reaped = containers.reapExcept(keep);

        assertThat(reaped).extracting(ManagedContainer::id).containsExactly(orphan.id());
        assertThat(reaped.get(0).version()).isEqualTo(2);
        assertThat(containers.managed())
                .extracting(ManagedContainer::id)
                .contains(kept.id())
                .doesNotContain(orphan.id());
    }

    @Test
    void removing_a_project_removes_its_containers_and_its_network() {
        String slug = slug("rm");
        AppContainer app = startApp(slug, 1, "sleep 600", false, null);

        containers.removeProject(slug);

        assertThat(containers.managed()).extracting(ManagedContainer::id).doesNotContain(app.id());
        assertThat(docker.listNetworksCmd().withNameFilter("dd-net-" + slug).exec())
                .noneMatch(n -> n.getName().equals("dd-net-" + slug));
    }

    @Test
    void logs_are_followed_line_by_line_until_closed() throws Exception {
        AppContainer app =
                startApp(slug("follow"), 1, "sleep 1; for i in 1 2 3; do echo tick $i; done; sleep 600", false, null);
        List<String> lines = new CopyOnWriteArrayList<>();

        try (AutoCloseable handle = containers.followLogs(app.id(), lines::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("tick 3"));
        }

        assertThat(lines).containsSubsequence("tick 1", "tick 2", "tick 3");
        containers.stopAndRemove(app.id(), Duration.ofSeconds(1));
        assertThat(new ArrayList<>(containers.managed()))
                .extracting(ManagedContainer::id)
                .doesNotContain(app.id());
    }
}
