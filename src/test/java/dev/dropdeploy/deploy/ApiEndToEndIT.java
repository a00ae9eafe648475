package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Accounts;
import dev.dropdeploy.account.ApiKeys;
import dev.dropdeploy.support.Http;
import dev.dropdeploy.support.PostgresContainerConfiguration;
import dev.dropdeploy.support.TraefikForTests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A script's whole journey through the API: create, upload a zip, follow the log, get the link, open it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(PostgresContainerConfiguration.class)
class ApiEndToEndIT {

    static final int APP_PORT = TraefikForTests.freePort();
    static final GenericContainer<?> TRAEFIK = TraefikForTests.start(APP_PORT);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void pointAtTraefik(DynamicPropertyRegistry registry) {
        TraefikForTests.registerDeployProperties(registry, TRAEFIK, APP_PORT);
    }

    @Autowired
    Accounts accounts;

    @Autowired
    ApiKeys keys;

    @AfterAll
    static void stopTraefik() {
        TRAEFIK.stop();
    }

    @Test
    void aScriptCreatesAProjectUploadsAZipFollowsTheLogAndOpensTheLink() throws Exception {
        AccountUser user = accounts.signUp("api-" + UUID.randomUUID(), "correct horse battery");
        String key = keys.create(user, "e2e").key();

        HttpResponse<String> created = send(key, "POST", "/projects", "application/json", "{\"name\":\"Api Shop\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("slug").asString()).isEqualTo("api-shop");

        HttpResponse<String> queued =
                sendBytes(key, "/projects/api-shop/deployments", zip("shop/index.html", "<h1>shop from a script</h1>"));
        assertThat(queued.statusCode()).isEqualTo(202);
        String id = JSON.readTree(queued.body()).get("id").asString();

        String stream =
                send(key, "GET", "/deployments/" + id + "/log", null, null).body();
        assertThat(stream).contains("event:log").contains("Detected static").contains("event:done");

        JsonNode deployment = JSON.readTree(
                        send(key, "GET", "/deployments/" + id, null, null).body())
                .get("deployment");
        assertThat(deployment.get("state").asString()).isEqualTo("LIVE");
        assertThat(deployment.get("url").asString()).isEqualTo("http://api-shop.localhost");
        assertThat(Http.getWithHost("http://localhost:" + TRAEFIK.getMappedPort(80) + "/", "api-shop.localhost")
                        .body())
                .contains("shop from a script");

        JsonNode listed =
                JSON.readTree(send(key, "GET", "/projects", null, null).body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("live").get("id").asString()).isEqualTo(id);
        assertThat(send(key, "DELETE", "/projects/api-shop", null, null).statusCode())
                .isEqualTo(204);
        assertThat(send(key, "GET", "/projects/api-shop", null, null).statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> send(String key, String method, String path, String type, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofMinutes(3))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendBytes(String key, String path, byte[] zip)
            throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A zip with one wrapper folder, as "Download ZIP" buttons make them. */
    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String base() {
        return "http://localhost:" + APP_PORT + "/api/v1";
    }
}
