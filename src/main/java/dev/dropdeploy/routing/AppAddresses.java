package dev.dropdeploy.routing;

import org.springframework.stereotype.Component;

/** The public host names and links of a project and of each of its versions. */
@Component
public class AppAddresses {

    private final RoutingProperties properties;

    AppAddresses(RoutingProperties properties) {
        this.properties = properties;
    }

    /** {@code shop.localhost}, or {@code feature-login--shop.localhost} for a branch preview (its own slug). */
    public String projectHost(String slug) {
        return Hostnames.requireValid(Hostnames.label(slug) + "." + properties.appsDomain());
    }

    /** {@code v3--shop.localhost}: a single label, so one wildcard certificate covers it in production. */
    public String versionHost(String slug, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("Versions start at 1, got " + version);
        }
        return Hostnames.requireValid("v" + version + "--" + Hostnames.label(slug) + "." + properties.appsDomain());
    }

    public String link(String host) {
        if (properties.tls().enabled()) {
            return link("https", host, properties.tls().port(), 443);
        }
        return link("http", host, properties.publicPort(), 80);
    }

    private static String link(String scheme, String host, int port, int standard) {
        return scheme + "://" + host + (port == standard ? "" : ":" + port);
    }
}
