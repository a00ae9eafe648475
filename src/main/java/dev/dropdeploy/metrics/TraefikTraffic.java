package dev.dropdeploy.metrics;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads Traefik's Prometheus endpoint once per sample and says what each router served since the previous read. The
 * first read after start-up only sets the baseline: Traefik's totals since its own start are not this minute's.
 */
@Component
class TraefikTraffic {

    private static final Logger log = LoggerFactory.getLogger(TraefikTraffic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final MetricsProperties properties;
    private Map<String, RouterTraffic.Totals> previous;
    private boolean warned;

    TraefikTraffic(MetricsProperties properties) {
        this.properties = properties;
    }

    /** Router name to what it served since the last call; empty when Traefik cannot be read now. */
    synchronized Map<String, RouterTraffic.Totals> sinceLastRead() {
        Map<String, RouterTraffic.Totals> now = read();
        if (now == null) {
            return Map.of();
        }
        Map<String, RouterTraffic.Totals> added = new HashMap<>();
        if (previous != null) {
            now.forEach((router, totals) ->
                    added.put(router, totals.since(previous.getOrDefault(router, RouterTraffic.Totals.zero()))));
        }
        previous = now;
        return added;
    }

    private Map<String, RouterTraffic.Totals> read() {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(properties.traefikMetrics())
                            .timeout(TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return unreadable("HTTP " + response.statusCode());
            }
            warned = false;
            return RouterTraffic.parse(response.body());
        } catch (IOException e) {
            return unreadable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Warns once per outage: requests are not counted, the container figures still are. */
    private Map<String, RouterTraffic.Totals> unreadable(String why) {
        if (!warned) {
            log.warn(
                    "Traefik's metrics at {} cannot be read ({}); requests are not counted until they can",
                    properties.traefikMetrics(),
                    why);
            warned = true;
        }
        return null;
    }
}
