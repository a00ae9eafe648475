package dev.dropdeploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TraefikDynamicConfigTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEmptyTableRendersAsAnEmptyObjectBecauseTraefikRejectsEmptyMaps() {
        JsonNode config = render(List.of());

        assertThat(config.isObject()).isTrue();
        assertThat(config.isEmpty()).isTrue();
    }

    @Test
    void aRouteBecomesARouterAServiceWithOneServerAndAnIdentifyingHeader() {
        Route route = new Route(
                "shop",
                List.of("shop.localhost", "v2--shop.localhost"),
                URI.create("http://dd-shop-v2:8080/"),
                "shop-v2");

        JsonNode http = render(List.of(route)).get("http");

        JsonNode router = http.get("routers").get("dd-shop");
        assertThat(router.get("rule").asString()).isEqualTo("Host(`shop.localhost`) || Host(`v2--shop.localhost`)");
        assertThat(router.get("entryPoints").get(0).asString()).isEqualTo("web");
        assertThat(router.get("service").asString()).isEqualTo("dd-shop");
        JsonNode servers =
                http.get("services").get("dd-shop").get("loadBalancer").get("servers");
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).get("url").asString()).isEqualTo("http://dd-shop-v2:8080");
        String middleware = router.get("middlewares").get(0).asString();
        assertThat(http.get("middlewares")
                        .get(middleware)
                        .get("headers")
                        .get("customResponseHeaders")
                        .get("X-DropDeploy-Deployment")
                        .asString())
                .isEqualTo("shop-v2");
    }

    @Test
    void aProtectedRouteAsksForCredentialsAfterNamingItsDeployment() {
        Route route = new Route("shop", List.of("shop.localhost"), URI.create("http://c:8080"), "shop-v1")
                .withBasicAuth(List.of("guest:$2a$10$hash"));

        JsonNode http = render(List.of(route)).get("http");

        JsonNode chain = http.get("routers").get("dd-shop").get("middlewares");
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).asString()).isEqualTo("dd-shop-id");
        JsonNode auth = http.get("middlewares").get(chain.get(1).asString()).get("basicAuth");
        assertThat(auth.get("users").get(0).asString()).isEqualTo("guest:$2a$10$hash");
        assertThat(auth.get("removeHeader").asBoolean()).isTrue();
    }

    @Test
    void withHttpsEveryRouterAsksForTheOneWildcardCertificateOfTheAppsDomain() {
        JsonNode routers = renderWithHttps(List.of(
                        new Route("shop", List.of("shop.apps.example.com"), URI.create("http://c:8080"), "shop-v2"),
                        new Route("v1--shop", List.of("v1--shop.apps.example.com"), URI.create("http://b:8080"), "v1")))
                .get("http")
                .get("routers");

        for (String name : List.of("dd-shop", "dd-v1--shop")) {
            JsonNode router = routers.get(name);
            assertThat(router.get("entryPoints"))
                    .singleElement()
                    .extracting(JsonNode::asString)
                    .isEqualTo("websecure");
            JsonNode tls = router.get("tls");
            assertThat(tls.get("certResolver").asString()).isEqualTo("letsencrypt");
            assertThat(tls.get("domains")).hasSize(1);
            assertThat(tls.get("domains").get(0).get("main").asString()).isEqualTo("apps.example.com");
            assertThat(tls.get("domains").get(0).get("sans"))
                    .singleElement()
                    .extracting(JsonNode::asString)
                    .isEqualTo("*.apps.example.com");
        }
    }

    @Test
    void withHttpsPlainHttpIsRedirectedPermanentlyAndOnlyByTheLowestPriorityRouter() {
        JsonNode http = renderWithHttps(List.of(
                        new Route("shop", List.of("shop.apps.example.com"), URI.create("http://c:8080"), "shop-v2")))
                .get("http");

        JsonNode redirect = http.get("routers").get("dd_to_https");
        assertThat(redirect.get("entryPoints"))
                .singleElement()
                .extracting(JsonNode::asString)
                .isEqualTo("web");
        assertThat(redirect.get("rule").asString()).isEqualTo("PathPrefix(`/`)");
        assertThat(redirect.get("priority").asInt()).isEqualTo(1);
        assertThat(redirect.get("service").asString()).isEqualTo("noop@internal");
        assertThat(redirect.has("tls")).isFalse();
        JsonNode scheme = http.get("middlewares")
                .get(redirect.get("middlewares").get(0).asString())
                .get("redirectScheme");
        assertThat(scheme.get("scheme").asString()).isEqualTo("https");
        assertThat(scheme.get("permanent").asBoolean()).isTrue();
        assertThat(scheme.has("port")).as("443 is implied").isFalse();
    }

    @Test
    void withHttpsOnAnotherPortTheRedirectNamesThatPort() {
        RoutingProperties onPort8443 = HttpsSettings.on("dd.test", 8443);

        JsonNode http = json.readTree(json.writeValueAsString(TraefikDynamicConfig.render(List.of(), onPort8443)))
                .get("http");

        assertThat(http.get("routers").propertyNames())
                .as("only the redirect and the certificate's router, before any app is live")
                .containsExactlyInAnyOrder("dd_to_https", "dd_certificate");
        assertThat(http.get("middlewares")
                        .get("dd_to_https")
                        .get("redirectScheme")
                        .get("port")
                        .asString())
                .isEqualTo("8443");
    }

    @Test
    void withHttpsTheWildcardCertificateIsOrderedBeforeAnyAppIsLiveByARouterThatAnswersNothing() {
        JsonNode http = json.readTree(json.writeValueAsString(
                        TraefikDynamicConfig.render(List.of(), HttpsSettings.on("dd.test", 443))))
                .get("http");

        JsonNode certificate = http.get("routers").get("dd_certificate");
        assertThat(certificate.get("service").asString()).isEqualTo("noop@internal");
        assertThat(certificate.get("entryPoints").get(0).asString()).isEqualTo("websecure");
        assertThat(certificate.get("rule").asString()).isEqualTo("Host(`dd.test`)");
        assertThat(certificate.get("priority").asInt()).isEqualTo(1);
        JsonNode domain = certificate.get("tls").get("domains").get(0);
        assertThat(domain.get("main").asString()).isEqualTo("dd.test");
        assertThat(domain.get("sans").get(0).asString()).isEqualTo("*.dd.test");
    }

    @Test
    void withoutHttpsNoRouterHasTlsAndNothingRedirects() {
        JsonNode http = render(
                        List.of(new Route("shop", List.of("shop.localhost"), URI.create("http://c:8080"), "shop-v1")))
                .get("http");

        assertThat(http.get("routers").get("dd-shop").has("tls")).isFalse();
        assertThat(http.get("routers").has("dd_to_https")).isFalse();
    }

    @Test
    void aRouteWithoutHostsCannotExist() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Route("shop", List.of(), URI.create("http://a:1"), "d"))
                .withMessageContaining("at least one host");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Route("shop", List.of(" "), URI.create("http://a:1"), "d"));
    }

    @Test
    void publishingUnderAnExistingNameReplacesTheRouteInOneStep() {
        RouteTable table = new RouteTable();
        table.publish(new Route("shop", List.of("shop.localhost"), URI.create("http://old:8080"), "v1"));
        table.publish(new Route("shop", List.of("shop.localhost"), URI.create("http://new:8080"), "v2"));

        assertThat(table.snapshot())
                .singleElement()
                .extracting(Route::deployment)
                .isEqualTo("v2");
    }

    @Test
    void aSleepingProjectsHostsGoToTheWakerBelowEveryAppRouterWithThePathReplaced() {
        Route app = new Route("shop", List.of("shop.localhost"), URI.create("http://dd-shop-v2:8080"), "shop-v2");

        JsonNode http = json.readTree(json.writeValueAsString(TraefikDynamicConfig.render(
                        List.of(app),
                        java.util.Map.of("blog", List.of("blog.localhost", "v3--blog.localhost")),
                        RoutingProperties.plainHttp("localhost", 80, "web", URI.create("http://localhost")),
                        URI.create("http://dropdeploy:8080/"))))
                .get("http");

        JsonNode waker = http.get("routers").get("dd-waker--blog");
        assertThat(waker.get("rule").asString()).isEqualTo("Host(`blog.localhost`) || Host(`v3--blog.localhost`)");
        assertThat(waker.get("priority").asInt()).isEqualTo(TraefikDynamicConfig.WAKER_PRIORITY);
        // Traefik's default priority is the rule's length: no app router can rank below the waker's.
        assertThat(TraefikDynamicConfig.WAKER_PRIORITY).isLessThan("Host(`a.b`)".length());
        assertThat(http.get("routers").get("dd-shop").has("priority")).isFalse();
        assertThat(http.get("services")
                        .get(waker.get("service").asString())
                        .get("loadBalancer")
                        .get("servers")
                        .get(0)
                        .get("url")
                        .asString())
                .isEqualTo("http://dropdeploy:8080");
        String path = waker.get("middlewares").get(0).asString();
        assertThat(http.get("middlewares")
                        .get(path)
                        .get("replacePath")
                        .get("path")
                        .asString())
                .isEqualTo(WakerProperties.PATH);
    }

    @Test
    void aTableWithOnlySleepingProjectsStillRendersTheirWakers() {
        JsonNode http = json.readTree(json.writeValueAsString(TraefikDynamicConfig.render(
                        List.of(),
                        java.util.Map.of("blog", List.of("blog.localhost")),
                        RoutingProperties.plainHttp("localhost", 80, "web", URI.create("http://localhost")),
                        URI.create("http://dropdeploy:8080"))))
                .get("http");

        assertThat(http.get("routers").has("dd-waker--blog")).isTrue();
    }

    @Test
    void theDashboardHostRoutesToDropDeployAheadOfAnAppThatClaimsTheSameAddress() {
        Route impostor = new Route(
                "dropdeploy", List.of("dropdeploy.localhost"), URI.create("http://dd-dropdeploy-v1:8080"), "x-v1");
        var dashboard = new DashboardRouteProperties("DropDeploy.localhost", URI.create("http://dropdeploy:8080/"));

        JsonNode http = json.readTree(json.writeValueAsString(TraefikDynamicConfig.render(
                        List.of(impostor),
                        RoutingProperties.plainHttp("localhost", 80, "web", URI.create("http://localhost")),
                        dashboard)))
                .get("http");

        JsonNode router = http.get("routers").get(TraefikDynamicConfig.DASHBOARD);
        assertThat(router.get("rule").asString()).isEqualTo("Host(`dropdeploy.localhost`)");
        assertThat(router.get("priority").asInt())
                .isGreaterThan(http.get("routers")
                        .get("dd-dropdeploy")
                        .get("rule")
                        .asString()
                        .length());
        assertThat(http.get("services")
                        .get(TraefikDynamicConfig.DASHBOARD)
                        .get("loadBalancer")
                        .get("servers")
                        .get(0)
                        .get("url")
                        .asString())
                .isEqualTo("http://dropdeploy:8080");
    }

    @Test
    void withHttpsTheDashboardUsesTheAppsWildcardCertificateWhenItCoversItsHost() {
        var covered = new DashboardRouteProperties("dropdeploy.apps.example.com", URI.create("http://dropdeploy:8080"));
        var elsewhere = new DashboardRouteProperties("deploy.example.com", URI.create("http://dropdeploy:8080"));

        assertThat(dashboardCertificate(covered).get("main").asString()).isEqualTo("apps.example.com");
        assertThat(dashboardCertificate(elsewhere).get("main").asString()).isEqualTo("deploy.example.com");
    }

    @Test
    void aDashboardHostThatIsNoHostNameIsRefusedAtStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DashboardRouteProperties("evil`) || Host(`x", URI.create("http://d:8080")));
        assertThat(new DashboardRouteProperties(" ", URI.create("http://d:8080")).enabled())
                .isFalse();
    }

    private JsonNode dashboardCertificate(DashboardRouteProperties dashboard) {
        JsonNode http = json.readTree(json.writeValueAsString(
                        TraefikDynamicConfig.render(List.of(), HttpsSettings.on("apps.example.com", 443), dashboard)))
                .get("http");
        return http.get("routers")
                .get(TraefikDynamicConfig.DASHBOARD)
                .get("tls")
                .get("domains")
                .get(0);
    }

    private JsonNode renderWithHttps(List<Route> routes) {
        return json.readTree(json.writeValueAsString(
                TraefikDynamicConfig.render(routes, HttpsSettings.on("apps.example.com", 443))));
    }

    private JsonNode render(List<Route> routes) {
        return json.readTree(json.writeValueAsString(TraefikDynamicConfig.render(routes, "web")));
    }
}
