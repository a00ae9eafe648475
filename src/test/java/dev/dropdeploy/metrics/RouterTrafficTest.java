package dev.dropdeploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTrafficTest {

    private static final String PAGE = """
            # HELP traefik_router_requests_total How many HTTP requests are processed on a router, partitioned by service, status code, protocol, and method.
            # TYPE traefik_router_requests_total counter
            traefik_router_requests_total{code="200",method="GET",protocol="http",router="dd-shop@http",service="dd-shop@http"} 40
            traefik_router_requests_total{code="502",method="GET",protocol="http",router="dd-shop@http",service="dd-shop@http"} 2
            traefik_router_requests_total{code="200",method="GET",protocol="http",router="dd-v3--shop@http",service="dd-v3--shop@http"} 5
            traefik_router_request_duration_seconds_bucket{code="200",method="GET",protocol="http",router="dd-shop@http",service="dd-shop@http",le="0.005"} 30
            traefik_router_request_duration_seconds_bucket{code="200",method="GET",protocol="http",router="dd-shop@http",service="dd-shop@http",le="0.01"} 38
            traefik_router_request_duration_seconds_bucket{code="200",method="GET",protocol="http",router="dd-shop@http",service="dd-shop@http",le="+Inf"} 40
            traefik_router_request_duration_seconds_bucket{code="502",method="GET",protocol="http",router="dd-shop@http",service="dd-shop@http",le="0.005"} 2
            traefik_router_request_duration_seconds_bucket{code="502",method="GET",protocol="http",router="dd-shop@http",service="dd-shop@http",le="+Inf"} 2
            traefik_router_request_duration_seconds_sum{code="200",method="GET",protocol="http",router="dd-shop@http",service="dd-shop@http"} 0.2
            traefik_config_reloads_total 12
            """;

    @Test
    void requestsAndServerErrorsAreCountedPerRouter() {
        Map<String, RouterTraffic.Totals> routers = RouterTraffic.parse(PAGE);

        assertThat(routers.get("dd-shop@http").requests()).isEqualTo(42);
        assertThat(routers.get("dd-shop@http").errors()).isEqualTo(2);
        assertThat(routers.get("dd-v3--shop@http").requests()).isEqualTo(5);
    }

    @Test
    void theHistogramBecomesCountsPerBucket() {
        int[] latency = RouterTraffic.parse(PAGE).get("dd-shop@http").latency();

        assertThat(latency[0]).isEqualTo(32);
        assertThat(latency[1]).isEqualTo(6);
        assertThat(latency[LatencyBuckets.SIZE - 1]).isEqualTo(4);
        assertThat(java.util.Arrays.stream(latency).sum()).isEqualTo(42);
    }

    @Test
    void whatARouterServedSinceTheLastReadIsTheDifference() {
        RouterTraffic.Totals before = RouterTraffic.parse(PAGE).get("dd-shop@http");
        RouterTraffic.Totals after =
                RouterTraffic.parse(PAGE.replace("} 40\n", "} 50\n")).get("dd-shop@http");

        RouterTraffic.Totals added = after.since(before);

        assertThat(added.requests()).isEqualTo(10);
        assertThat(added.errors()).isZero();
        assertThat(added.latency()[LatencyBuckets.SIZE - 1]).isEqualTo(10);
    }

    @Test
    void afterTraefikRestartedItsNewTotalsAreAllNew() {
        RouterTraffic.Totals before = RouterTraffic.parse(PAGE).get("dd-shop@http");
        RouterTraffic.Totals restarted = new RouterTraffic.Totals(3, 0, new long[LatencyBuckets.SIZE]);

        assertThat(restarted.since(before).requests()).isEqualTo(3);
    }

    @Test
    void linesThatDoNotParseAreSkippedNotFatal() {
        Map<String, RouterTraffic.Totals> routers = RouterTraffic.parse("""
                traefik_router_requests_total{code="200",router="dd-a@http"} lots
                traefik_router_requests_total{code="200",router="dd-a@http" 3
                traefik_router_requests_total{code="200",router="dd-a@http"} NaN
                traefik_router_requests_total{code="200"} 7
                traefik_router_requests_total{code="200",router="dd-b@http"} 1.5e+01 1700000000
                garbage
                """);

        assertThat(routers).containsOnlyKeys("dd-b@http");
        assertThat(routers.get("dd-b@http").requests()).isEqualTo(15);
    }

    @Test
    void aProjectsRoutersAreItsAddressAndItsVersionAddresses() {
        assertThat(RouterNames.serves("dd-shop@http", "shop")).isTrue();
        assertThat(RouterNames.serves("dd-v12--shop@http", "shop")).isTrue();
        assertThat(RouterNames.serves("dd-myshop@http", "shop")).isFalse();
        assertThat(RouterNames.serves("dd-v1--myshop@http", "shop")).isFalse();
        assertThat(RouterNames.serves("dd-x--shop@http", "shop")).isFalse();
        assertThat(RouterNames.serves("dd-shop@docker", "shop")).isFalse();
        assertThat(RouterNames.serves("api@internal", "shop")).isFalse();
    }
}
