package dev.dropdeploy.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few calls of the registry's HTTP API that garbage collection needs (Distribution's v2 API): what it holds, and
 * deleting a manifest by digest, after which {@code registry garbage-collect} can free the layers.
 */
final class RegistryApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Docker's and OCI's manifest types: a HEAD without them answers the digest of a converted manifest. */
    private static final String MANIFESTS = "application/vnd.docker.distribution.manifest.v2+json,"
            + "application/vnd.oci.image.manifest.v1+json,application/vnd.oci.image.index.v1+json,"
            + "application/vnd.docker.distribution.manifest.list.v2+json";

    /** Distribution's default and largest catalog page; it answers 400 to a larger one. */
    private static final int PAGE = 1000;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    RegistryApi(String address, RegistryCredentials credentials) {
        this.base = "http://" + address + "/v2/";
        this.authorization = credentials.basicAuthorization();
    }

    boolean answers() {
        try {
            return send(request("").GET(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (RuntimeFailure e) {
            return false;
        }
    }

    /** Every repository, a page of the registry's largest page size at a time. */
    List<String> repositories() {
        List<String> all = new ArrayList<>();
        List<String> page;
        do {
            String after = all.isEmpty() ? "" : "&last=" + encode(all.getLast());
            page = strings(getJson("_catalog?n=" + PAGE + after).path("repositories"));
            all.addAll(page);
        } while (page.size() == PAGE);
        return all;
    }

    List<String> tags(String repository) {
        return strings(getJson(repository + "/tags/list").path("tags"));
    }

    Optional<String> digest(String repository, String tag) {
        HttpResponse<Void> response = send(
                request(repository + "/manifests/" + encode(tag))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("Accept", MANIFESTS),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200 ? response.headers().firstValue("Docker-Content-Digest") : Optional.empty();
    }

    void delete(String repository, String digest) {
        int status = send(
                        request(repository + "/manifests/" + encode(digest)).DELETE(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 202 && status != 404) {
            throw new RuntimeFailure("The registry answered " + status + " to deleting " + repository + "@" + digest);
        }
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> response = send(request(path).GET(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new RuntimeFailure("The registry answered " + response.statusCode() + " to GET /v2/" + path);
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new RuntimeFailure("The registry at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while talking to the registry", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    /** Tags and digests are plain ([\w.-] and sha256:hex); encoding keeps a hostile one from reshaping the path. */
    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
