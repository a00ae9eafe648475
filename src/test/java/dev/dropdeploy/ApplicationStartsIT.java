package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.workspace.Projects;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresContainerConfiguration.class)
class ApplicationStartsIT {

    @Value("${dropdeploy.routing.auth.token}")
    String routingToken;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Projects projects;

    @Autowired
    Accounts accounts;

    @Test
    void servesTheApiDescriptionToAnyone() {
        HttpResponse<String> doc = Http.get(url("/api/openapi.yaml"));

        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).startsWith("openapi: 3.1.0").contains("/projects/{name}/deployments:");
    }

    @Test
    void reportsHealthyOnceConnectedToPostgres() {
        HttpResponse<String> health = Http.get(url("/actuator/health"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(health.body())
                        .get("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void migrationsCreateTheTablesLaterWorkUses() {
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(*) from deployment", Integer.class))
                .isZero();
    }

    @Test
    void projectsWithTheSameNameGetDistinctWebAddresses() {
        AccountUser owner = accounts.signUp("twins-" + UUID.randomUUID(), "correct horse battery");
        String first = projects.create(owner, "Twin Shop").slug();
        String second = projects.create(owner, "twin shop").slug();

        assertThat(first).isEqualTo("twin-shop");
        assertThat(second).isEqualTo("twin-shop-2");
        assertThat(projects.list(owner)).extracting(p -> p.slug()).contains(first, second);
    }

    @Test
    void sendsAnonymousVisitorsOfTheRootToTheLoginPage() {
        HttpResponse<String> root = Http.get(url("/"));

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        HttpResponse<String> page = Http.get(url("/login"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>DropDeploy</title>").contains("window.Vaadin");
    }

    @Test
    void servesTraefikDynamicConfigurationAsJsonToTraefikAlone() {
        assertThat(Http.get(url("/internal/routing/traefik")).statusCode()).isEqualTo(401);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url("/internal/routing/traefik")))
                                .header("Authorization", "Bearer wrong-" + routingToken))
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> config = Http.send(HttpRequest.newBuilder(URI.create(url("/internal/routing/traefik")))
                .header("Authorization", "Bearer " + routingToken));

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode root = JsonMapper.builder().build().readTree(config.body());
        assertThat(root.isObject()).isTrue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
