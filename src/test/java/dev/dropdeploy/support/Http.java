package dev.dropdeploy.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP from tests. Requests through Traefik set the Host header, which the JDK client allows only because the build
 * passes {@code -Djdk.httpclient.allowRestrictedHeaders=host}.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            // HTTP/1.1 as browsers speak to plain-http sites; the JDK's default h2c upgrade is not what we test.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {}

    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    public static HttpResponse<String> getWithHost(String url, String host) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Host", host));
    }

    public static HttpResponse<String> getWithHost(String url, String host, String authorization) {
        return send(
                HttpRequest.newBuilder(URI.create(url)).header("Host", host).header("Authorization", authorization));
    }

    /**
     * A request to an app's public address. Browsers resolve {@code *.localhost} to this machine, the JDK does not: such
     * a host is reached at {@code localhost} and named in the Host header, as Traefik needs.
     */
    public static HttpRequest.Builder toApp(String url) {
        URI uri = URI.create(url);
        if (!uri.getHost().endsWith(".localhost")) {
            return HttpRequest.newBuilder(uri);
        }
        URI local = URI.create(url.replaceFirst("//" + java.util.regex.Pattern.quote(uri.getHost()), "//localhost"));
        return HttpRequest.newBuilder(local).header("Host", uri.getHost());
    }

    /** Any request; redirects are not followed, so tests see them. */
    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(CLIENT, request);
    }

    /** With a client of the caller's, for example one that keeps cookies. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
