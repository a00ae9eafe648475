package dev.dropdeploy.support;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API as a script uses it, with one user's key: upload a folder, follow a deployment, delete projects. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Set<String> IN_PROGRESS = Set.of("QUEUED", "BUILDING", "STARTING", "HEALTHY");

    private final String base;
    private final String key;

    /** @param base for example {@code http://localhost:8080} */
    public ApiClient(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public HttpResponse<String> send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Uploads the files as a zip: the project (made if new) gets its next version, which is deployed. */
    public HttpResponse<String> upload(String project, Map<String, String> files) {
        return send(request("/projects/" + project + "/deployments")
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip(files))));
    }

    /** @return the id of the deployment the upload started */
    public String deploy(String project, Map<String, String> files) {
        HttpResponse<String> queued = upload(project, files);
        if (queued.statusCode() != 202) {
            throw new IllegalStateException("Upload refused: " + queued.statusCode() + " " + queued.body());
        }
        return JSON.readTree(queued.body()).get("id").asString();
    }

    public JsonNode deployment(String id) {
        HttpResponse<String> answer = send("GET", "/deployments/" + id);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET deployment " + id + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).get("deployment");
    }

    public static String state(JsonNode deployment) {
        return deployment.get("state").asString();
    }

    /** Waits until the deployment is no longer queued, building or starting. */
    public JsonNode awaitFinal(String id, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("deployment " + id + " ends")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                // A poll that timed out on a busy machine is tried again, not a failed deployment.
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> {
                    last.set(deployment(id));
                    return !IN_PROGRESS.contains(state(last.get()));
                });
        return last.get();
    }

    public JsonNode projects() {
        return JSON.readTree(send("GET", "/projects").body());
    }

    /** Every project of this user with its apps, so nothing the test made keeps running. */
    public void deleteEveryProject() {
        for (JsonNode project : projects()) {
            send("DELETE", "/projects/" + project.get("slug").asString() + "?deleteData=true");
        }
    }

    /** A minute per request (Http's 10 s is too short for a CI machine busy with other builds). */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).header("Authorization", "Bearer " + key);
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
