package dev.dropdeploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.support.AcmeForTests;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.InstallationIT;
import dev.dropdeploy.support.TlsClient;
import dev.dropdeploy.support.TraefikForTests;
import dev.dropdeploy.workspace.ProjectSummary;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTPS for real, offline: apps are served with a certificate that Traefik ordered from an ACME server (Pebble) through
 * a DNS-01 challenge, one wildcard certificate for every project and version address, and plain HTTP redirects. An
 * {@link InstallationIT} rather than a {@code LiveInstallationIT}: DropDeploy drives the ACME Traefik, not the plain one.
 */
class HttpsIT extends InstallationIT {

    private static final Logger LOG = LoggerFactory.getLogger(HttpsIT.class);
    private static final String APPS_DOMAIN = "dd.test";
    private static final int APP_PORT = TraefikForTests.freePort();
    private static final AcmeForTests ACME = AcmeForTests.start(APP_PORT);

    @DynamicPropertySource
    static void serveAppsOverHttpsThroughTheAcmeTraefik(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, ACME.traefik(), APP_PORT);
        registry.add("dropdeploy.routing.apps-domain", () -> APPS_DOMAIN);
        registry.add("dropdeploy.routing.public-port", () -> ACME.traefik().getMappedPort(80));
        registry.add("dropdeploy.routing.traefik-url", () -> "https://localhost:" + httpsPort());
        registry.add("dropdeploy.routing.tls.enabled", () -> "true");
        registry.add("dropdeploy.routing.tls.port", () -> httpsPort());
    }

    private ProjectSummary project;
    private TlsClient visitor;

    @BeforeAll
    void createTheProjectAndTrustPebblesRoot() {
        project = newProject("Secure Shop");
        X509Certificate testCa = TlsClient.certificate(ACME.pebbleTestCa());
        String root = TlsClient.fetch("https://localhost:" + ACME.pebbleManagementPort() + "/roots/0", testCa);
        visitor = new TlsClient(TlsClient.certificate(root));
    }

    @Test
    void everyAddressOfEveryVersionIsServedOverHttpsWithOneWildcardCertificateAndPlainHttpRedirects() throws Exception {
        X509Certificate ordered = awaitCertificateBeforeAnyDeployment("no-app-yet." + APPS_DOMAIN);
        DeploymentView first = deployPage("<h1>secure version one</h1>");
        assertThat(first.url()).isEqualTo("https://secure-shop." + APPS_DOMAIN + ":" + httpsPort());
        assertThat(first.versionUrl()).startsWith("https://v1--secure-shop." + APPS_DOMAIN + ":");

        X509Certificate certificate = awaitPebbleCertificate(host(first.url()), first);
        assertThat(certificate).as("the certificate ordered at start-up").isEqualTo(ordered);
        assertThat(certificate.getSubjectAlternativeNames().stream().map(name -> (Object) name.get(1)))
                .containsExactlyInAnyOrder(APPS_DOMAIN, "*." + APPS_DOMAIN);

        DeploymentView second = deployPage("<h1>secure version two</h1>");
        for (DeploymentView version : List.of(first, second)) {
            TlsClient.Answer answer = visitor.get(httpsPort(), host(version.versionUrl()), "/");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers())
                    .containsEntry("x-dropdeploy-deployment", version.id().toString());
            assertThat(answer.certificate())
                    .as("the same certificate, not one per version")
                    .isEqualTo(certificate);
        }
        assertThat(visitor.get(httpsPort(), host(second.url()), "/").body()).contains("secure version two");
        assertThat(ACME.orders()).as("certificate orders Pebble received").isEqualTo(1);

        HttpResponse<String> plain = Http.getWithHost(
                "http://localhost:" + ACME.traefik().getMappedPort(80) + "/menu?x=1", host(second.url()));
        assertThat(plain.statusCode()).isIn(301, 308);
        assertThat(plain.headers().firstValue("Location")).hasValue(second.url() + "/menu?x=1");
    }

    /**
     * DropDeploy has Traefik order the wildcard certificate from its first poll on, so the ACME account and order are
     * done before a first deployment's cutover could wait for them. Pebble's certificate answers (404: no app yet).
     */
    private X509Certificate awaitCertificateBeforeAnyDeployment(String host) {
        AtomicReference<TlsClient.Answer> answer = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> answer.set(visitor.get(httpsPort(), host, "/")));
        assertThat(answer.get().status()).isEqualTo(404);
        assertThat(ACME.orders()).as("certificate orders Pebble received").isEqualTo(1);
        return answer.get().certificate();
    }

    /** Right after the first deployment Traefik may still serve its default certificate while the order completes. */
    private X509Certificate awaitPebbleCertificate(String host, DeploymentView deployment) {
        AtomicReference<TlsClient.Answer> answer = new AtomicReference<>();
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> answer.set(visitor.get(httpsPort(), host, "/")));
        LOG.info(
                "Pebble's certificate served {} ms after the first deployment was live",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(answer.get().status()).isEqualTo(200);
        assertThat(answer.get().headers())
                .containsEntry("x-dropdeploy-deployment", deployment.id().toString());
        assertThat(answer.get().body()).contains("secure version one");
        return answer.get().certificate();
    }

    private DeploymentView deployPage(String page) throws Exception {
        DeploymentView deployment = deploy(project, Map.of("index.html", page));
        assertThat(deployment.state())
                .as(() -> deployment.reason() + "\nTraefik's own log (access log left out):\n" + traefikLog())
                .isEqualTo(DeploymentState.LIVE);
        return deployment;
    }

    /** What Traefik said about providers, routers and certificates: the cause when a cutover is not confirmed. */
    private static String traefikLog() {
        List<String> lines = ACME.traefik()
                .getLogs()
                .lines()
                .filter(line -> !line.startsWith("{"))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String host(String url) {
        return URI.create(url).getHost();
    }

    private static int httpsPort() {
        return ACME.traefik().getMappedPort(443);
    }
}
