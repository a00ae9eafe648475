package dev.dropdeploy.routing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the dynamic configuration that Traefik's HTTP provider polls every second or so. */
@RestController
class TraefikConfigController {

    static final String PATH = "/internal/routing/traefik";

    private final RouteTable table;
    private final RoutingProperties properties;

    TraefikConfigController(RouteTable table, RoutingProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    @GetMapping(path = PATH, produces = "application/json")
    TraefikDynamicConfig dynamicConfig() {
        return TraefikDynamicConfig.render(table.snapshot(), properties.entrypoint(), properties.certResolver());
    }
}
