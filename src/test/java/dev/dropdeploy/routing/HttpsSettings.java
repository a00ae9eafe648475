package dev.dropdeploy.routing;

import java.net.URI;

/** Routing settings with HTTPS on, as an operator sets them: the default resolver and entrypoint. */
final class HttpsSettings {

    private HttpsSettings() {}

    static RoutingProperties on(String appsDomain, int httpsPort) {
        return new RoutingProperties(
                appsDomain,
                80,
                "web",
                URI.create("https://traefik:" + httpsPort),
                new RoutingProperties.Tls(true, "letsencrypt", "websecure", httpsPort));
    }
}
