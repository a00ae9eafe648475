package dev.dropdeploy.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern APP_URL = Pattern.compile("(https?://)([^/:?#]+)(.*)");

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
        Matcher parts = APP_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not an http address: " + url);
        }
        String host = parts.group(2);
        if (!host.endsWith(".localhost")) {
            return HttpRequest.newBuilder(URI.create(url));
        }
        return HttpRequest.newBuilder(URI.create(parts.group(1) + "localhost" + parts.group(3)))
                .header("Host", host);
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
