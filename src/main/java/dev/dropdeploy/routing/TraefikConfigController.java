package dev.dropdeploy.routing;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the dynamic configuration that Traefik's HTTP provider polls every second or so, to Traefik alone (it sends
 * the routing token). Until the route table is restored after a start, it answers 503: Traefik then keeps serving the
 * configuration it already has, instead of dropping every app for the seconds reconciliation takes.
 */
@RestController
class TraefikConfigController {

    static final String PATH = "/internal/routing/traefik";

    private final RouteTable table;
    private final RoutingProperties properties;
    private final RoutingToken token;
    private final WakerProperties waker;
    private final DashboardRouteProperties dashboard;

    TraefikConfigController(
            RouteTable table,
            RoutingProperties properties,
            RoutingToken token,
            WakerProperties waker,
            DashboardRouteProperties dashboard) {
        this.waker = waker;
        this.table = table;
        this.properties = properties;
        this.token = token;
        this.dashboard = dashboard;
    }

    @GetMapping(path = PATH, produces = "application/json")
    ResponseEntity<TraefikDynamicConfig> dynamicConfig(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!token.accepts(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (!table.restored()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return ResponseEntity.ok(TraefikDynamicConfig.render(
                table.snapshot(), table.wakerSnapshot(), properties, waker.url(), dashboard));
    }
}
