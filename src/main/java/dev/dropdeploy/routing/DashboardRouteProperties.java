package dev.dropdeploy.routing;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * DropDeploy's own address through Traefik, for installations that publish no port of DropDeploy's (production,
 * docker-compose.yml): the dashboard and API answer at a host name of their own.
 *
 * @param host for example {@code dropdeploy.example.com} ({@code DROPDEPLOY_HOST}); blank: no such route, DropDeploy
 *     is reached on its own port ({@code ./dropdeploy up})
 * @param url where Traefik reaches DropDeploy
 */
@Validated
@ConfigurationProperties("dropdeploy.routing.dashboard")
record DashboardRouteProperties(
        @DefaultValue("") String host,
        @DefaultValue("http://dropdeploy:8080") @NotNull URI url) {

    static final DashboardRouteProperties NONE = new DashboardRouteProperties("", URI.create("http://dropdeploy:8080"));

    DashboardRouteProperties {
        // A typo must stop the start, not become a router rule that Traefik rejects along with every app's route.
        host = host == null || host.isBlank() ? "" : Hostnames.requireValid(host);
    }

    boolean enabled() {
        return !host.isEmpty();
    }
}
