package dev.dropdeploy.account;

import dev.dropdeploy.support.Http;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through the real form login as a browser would: the session cookie, the CSRF token, then the post. */
final class LoginForm {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;

    LoginForm(int port) {
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = "http://localhost:" + port;
    }

    /** Posts the form and answers where the server sends the browser next. */
    String signIn(String username, String password) {
        String form = "username=" + encode(username) + "&password=" + encode(password) + csrf();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
    }

    /** The status of a GET in this session, for example of an API endpoint that accepts the dashboard session. */
    int status(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET()).statusCode();
    }

    private String csrf() {
        Matcher token = CSRF.matcher(
                send(HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body());
        return token.find() ? "&_csrf=" + encode(token.group(1)) : "";
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(client, request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
