package dev.dropdeploy.sleep;

import dev.dropdeploy.routing.RouteTable;
import dev.dropdeploy.routing.TraefikProbe;
import dev.dropdeploy.routing.WakerProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Traefik sends the hosts of a sleeping project (every method, every path, replaced by this one). The Host header
 * names the project, looked up among the sleeping ones in the route table only, so a request can wake nothing else.
 * Browsers get the waking page at once, which reloads itself; other clients are held up to {@code hold} and then sent
 * to the same address again (307, method and body kept) or told to retry (503 with {@code Retry-After}).
 */
@RestController
class WakerController {

    /** Traefik's replacePath middleware keeps the visitor's path here. */
    static final String REPLACED_PATH = "X-Replaced-Path";

    private final RouteTable routes;
    private final Wakes wakes;
    private final SleepProperties properties;

    WakerController(RouteTable routes, Wakes wakes, SleepProperties properties) {
        this.routes = routes;
        this.wakes = wakes;
        this.properties = properties;
    }

    @RequestMapping(WakerProperties.PATH)
    ResponseEntity<String> wake(
            @RequestHeader(value = HttpHeaders.HOST, required = false) String host,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = REPLACED_PATH, required = false) String originalPath,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent,
            HttpServletRequest request) {
        Optional<String> slug = routes.sleepingProjectAt(host);
        if (slug.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "No app sleeps at this address.\n");
        }
        if (TraefikProbe.USER_AGENT.equals(userAgent)) {
            // DropDeploy checking that Traefik sends the hosts here now; a visitor who sends it only fails to wake.
            return retryLater().contentType(MediaType.TEXT_PLAIN).body("asleep\n");
        }
        CompletableFuture<Boolean> wake = wakes.of(slug.get());
        if (WakerAnswers.browser(accept)) {
            return retryLater()
                    .contentType(MediaType.TEXT_HTML)
                    .body(WakerAnswers.wakingPage(slug.get(), properties.retryAfter()));
        }
        if (!wokeWithin(wake)) {
            return retryLater()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(slug.get() + " is waking up; try again in " + properties.retryAfter() + " s.\n");
        }
        return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                .header(HttpHeaders.LOCATION, WakerAnswers.sameAddress(originalPath, request.getQueryString()))
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.TEXT_PLAIN)
                .body(slug.get() + " is awake; repeat the request.\n");
    }

    private boolean wokeWithin(CompletableFuture<Boolean> wake) {
        try {
            return wake.get(properties.hold().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ResponseEntity.BodyBuilder retryLater() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfter()))
                .cacheControl(CacheControl.noStore());
    }

    private static ResponseEntity<String> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
