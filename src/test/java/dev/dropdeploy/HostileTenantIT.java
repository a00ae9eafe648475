package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.deploy.DeploymentLog;
import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.deploy.LogLine;
import dev.dropdeploy.deploy.ProjectControls;
import dev.dropdeploy.support.FileDeploys;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A hostile tenant on the same installation as a victim, trying what docs/SECURITY.md says cannot work: every attempt
 * fails with a reason, nothing of the victim's shows up in the attacker's build log or app, and the victim's app keeps
 * serving. Traffic goes only to this machine's own addresses and containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileTenantIT {

    static final int APP_PORT = TraefikForTests.freePort();
    static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);
    static final String SECRET = "victim-secret-" + UUID.randomUUID();
    static final DockerClient DOCKER = DockerClientFactory.instance().client();

    /** Tries a TCP connection and answers "open" or "blocked"; stdlib only, so the build needs no registry. */
    static final String PROBE = """
            import os, socket, urllib.parse
            from http.server import BaseHTTPRequestHandler, HTTPServer

            def connect(host, port):
                try:
                    socket.create_connection((host, port), timeout=3).close()
                    return "open"
                except OSError as e:
                    return "blocked " + str(e)

            class Handler(BaseHTTPRequestHandler):
                def do_GET(self):
                    q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                    if "host" in q:
                        body = connect(q["host"][0], int(q["port"][0]))
                    else:
                        body = "uid=%d" % os.getuid()
                    self.send_response(200)
                    self.end_headers()
                    self.wfile.write(body.encode())

            HTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8080"))), Handler).serve_forever()
            """;

    @DynamicPropertySource
    static void pointAtTraefik(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
        registry.add("dropdeploy.runtime.instance", () -> "test-" + UUID.randomUUID());
    }

    @Autowired
    Accounts accounts;

    @Autowired
    Projects projects;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Deployments deployments;

    @Autowired
    ProjectControls controls;

    @Autowired
    DeploymentLog log;

    private AccountUser victim;
    private AccountUser attacker;
    private ProjectSummary victimProject;
    private final List<Owned> created = new ArrayList<>();

    private record Owned(AccountUser owner, ProjectSummary project) {}

    @BeforeAll
    void theVictimIsLive() throws IOException {
        victim = accounts.signUp("victim-" + UUID.randomUUID(), "correct horse battery");
        attacker = accounts.signUp("attacker-" + UUID.randomUUID(), "correct horse battery");
        victimProject = create(victim, "Victim Shop");
        DeploymentView live =
                deploy(victim, victimProject, Map.of("server.py", PROBE.replace("uid=%d", SECRET + " %d")));
        assertThat(live.state()).as(live.reason()).isEqualTo(DeploymentState.LIVE);
        assertVictimServes();
    }

    @AfterAll
    void cleanUp() {
        created.forEach(owned -> controls.delete(owned.owner(), owned.project().id()));
        TRAEFIK.stop();
    }

    @Test
    @Order(1)
    void aDockerfileStartingFromAnotherProjectsImageIsRefusedBeforeBuilding() throws IOException {
        DeploymentView failed = deploy(
                attacker, create(attacker, "Thief From"), Map.of("Dockerfile", """
                FROM dd-app/%s:v1
                RUN find / -name server.py | xargs cat
                """.formatted(victimProject.slug())));

        assertThat(failed.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(failed.reason()).contains("line 1").contains("another project's image");
        assertThat(logOf(failed)).doesNotContain(SECRET);
        assertVictimServes();
    }

    @Test
    @Order(2)
    void copyFromAnotherProjectsImageAndRemoteAddAreRefusedNamingTheLine() throws IOException {
        DeploymentView copy = deploy(
                attacker, create(attacker, "Thief Copy"), Map.of("Dockerfile", """
                FROM python:3.13-slim
                COPY --from=dd-app/%s:v1 / /stolen
                """.formatted(victimProject.slug())));
        assertThat(copy.reason()).contains("line 2").contains("another project's image");

        DeploymentView add =
                deploy(attacker, create(attacker, "Thief Add"), Map.of("Dockerfile", """
                FROM python:3.13-slim
                ADD http://127.0.0.1:%d/internal/routing/traefik /t.json
                """.formatted(APP_PORT)));
        assertThat(add.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(add.reason()).contains("line 2").contains("from a URL is not allowed");
    }

    @Test
    @Order(3)
    void aBuildStepReachesNeitherTheHostNorDropDeployButItsOwnLoopbackWorks() throws IOException {
        String script = """
                import socket, struct, threading
                def gateway():
                    for line in open("/proc/net/route").read().splitlines()[1:]:
                        f = line.split()
                        if f[1] == "00000000":
                            return socket.inet_ntoa(struct.pack("<L", int(f[2], 16)))
                def attempt(label, host, port):
                    try:
                        socket.create_connection((host, port), timeout=3).close()
                        print("REACHED", label)
                    except OSError:
                        print("BLOCKED", label)
                s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1)
                attempt("loopback", "127.0.0.1", s.getsockname()[1])
                attempt("dropdeploy-via-gateway", gateway(), %d)
                attempt("dropdeploy-via-docker0", "172.17.0.1", %d)
                """.formatted(APP_PORT, APP_PORT);
        DeploymentView built = deploy(
                attacker,
                create(attacker, "Build Prober"),
                Map.of(
                        "probe_build.py", script,
                        "server.py", PROBE,
                        "Dockerfile", """
                        FROM python:3.13-slim
                        COPY . /app
                        RUN python3 /app/probe_build.py
                        EXPOSE 8080
                        CMD ["python3", "/app/server.py"]
                        """));

        String log = logOf(built);
        assertThat(log).contains("REACHED loopback");
        assertThat(log).contains("BLOCKED dropdeploy-via-gateway").contains("BLOCKED dropdeploy-via-docker0");
        assertThat(log).doesNotContain("REACHED dropdeploy");
        assertThat(built.state()).as(built.reason()).isEqualTo(DeploymentState.LIVE);
    }

    @Test
    @Order(4)
    void anAppRunsAsNonRootAndReachesNoNeighbourNoHostAndNoTraefikApiButItself() throws IOException {
        ProjectSummary project = create(attacker, "Net Prober");
        DeploymentView live = deploy(attacker, project, Map.of("server.py", PROBE, "Dockerfile", """
                FROM python:3.13-slim
                USER 0000:0
                COPY server.py /app/server.py
                EXPOSE 8080
                CMD ["python3", "/app/server.py"]
                """));
        assertThat(live.state()).as(live.reason()).isEqualTo(DeploymentState.LIVE);
        String host = project.slug() + ".localhost";
        assertThat(get(host, "/").body()).startsWith("uid=").isNotEqualTo("uid=0");

        String network = "dd-net-" + project.slug();
        ContainerNetwork own = endpoint(containerOf(project), network);
        String gateway = DOCKER.inspectNetworkCmd()
                .withNetworkId(network)
                .exec()
                .getIpam()
                .getConfig()
                .getFirst()
                .getGateway();
        String traefikHere = endpoint(TraefikForTests.name(TRAEFIK), network).getIpAddress();
        String victimAddress = victimContainerAddress();

        assertThat(probe(host, own.getIpAddress(), 8080))
                .as("itself, the control")
                .isEqualTo("open");
        assertThat(probe(host, gateway, APP_PORT))
                .as("DropDeploy via its gateway")
                .startsWith("blocked");
        assertThat(probe(host, "172.17.0.1", APP_PORT))
                .as("DropDeploy via docker0")
                .startsWith("blocked");
        assertThat(probe(host, traefikHere, 8082)).as("Traefik's API").startsWith("blocked");
        assertThat(probe(host, victimAddress, 8080))
                .as("the victim's container")
                .startsWith("blocked");
        assertVictimServes();
    }

    @Test
    @Order(5)
    void theFirewallRulesForMetadataSmtpAndPrivateRangesAreInstalled() throws Exception {
        Process check = new ProcessBuilder("scripts/firewall.sh", "check")
                .redirectErrorStream(true)
                .start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(out).isZero();
        Process rules = new ProcessBuilder("iptables", "-w", "-S", "DROPDEPLOY-EGRESS")
                .redirectErrorStream(true)
                .start();
        String egress = new String(rules.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(egress)
                .contains("-d 169.254.0.0/16 -j REJECT")
                .contains("--dports 25,465,587 -j REJECT")
                .contains("-d 10.0.0.0/8 -j REJECT")
                .contains("-d 172.16.0.0/12 -j REJECT");
    }

    private String probe(String host, String address, int port) {
        return get(host, "/?host=" + address + "&port=" + port).body();
    }

    private void assertVictimServes() {
        HttpResponse<String> page = get(victimProject.slug() + ".localhost", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(SECRET);
    }

    private HttpResponse<String> get(String host, String path) {
        return Http.getWithHost("http://localhost:" + TRAEFIK.getMappedPort(80) + path, host);
    }

    private String victimContainerAddress() {
        return endpoint(containerOf(victimProject), "dd-net-" + victimProject.slug())
                .getIpAddress();
    }

    private static String containerOf(ProjectSummary project) {
        return DOCKER.listContainersCmd()
                .withLabelFilter(Map.of("dropdeploy.project", project.slug()))
                .exec()
                .getFirst()
                .getId();
    }

    private static ContainerNetwork endpoint(String container, String network) {
        return DOCKER.inspectContainerCmd(container)
                .exec()
                .getNetworkSettings()
                .getNetworks()
                .get(network);
    }

    private String logOf(DeploymentView deployment) {
        return log.lines(deployment.id()).stream().map(LogLine::line).collect(Collectors.joining("\n"));
    }

    private ProjectSummary create(AccountUser owner, String name) {
        ProjectSummary project = projects.create(owner, name);
        created.add(new Owned(owner, project));
        return project;
    }

    private DeploymentView deploy(AccountUser owner, ProjectSummary project, Map<String, String> files)
            throws IOException {
        return FileDeploys.deploy(workspaces, deployments, owner, project.id(), files);
    }
}
