package dev.dropdeploy.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where deployed apps are reachable.
 *
 * @param appsDomain apps live at {@code <slug>.<appsDomain>}; {@code localhost} works in browsers without DNS set-up
 * @param publicPort the port Traefik's {@code web} entrypoint is published on; links omit it when it is 80
 * @param entrypoint the Traefik entrypoint for plain HTTP: the routers', or with HTTPS the one that only redirects
 * @param traefikUrl where DropDeploy itself reaches Traefik to confirm that a new version answers; with HTTPS it must
 *     be the TLS entrypoint (https), since the plain one only redirects
 * @param tls HTTPS for every app through one wildcard certificate; off by default
 */
@Validated
@ConfigurationProperties("dropdeploy.routing")
public record RoutingProperties(
        @DefaultValue("localhost") @NotBlank String appsDomain,
        @DefaultValue("80") @Min(1) @Max(65535) int publicPort,
        @DefaultValue("web") @NotBlank String entrypoint,
        @DefaultValue("http://localhost:80") URI traefikUrl,
        @DefaultValue @Valid Tls tls) {

    public RoutingProperties {
        tls = tls == null ? Tls.OFF : tls;
        if (tls.enabled() && !"https".equals(traefikUrl.getScheme())) {
            throw new IllegalArgumentException("With HTTPS on (dropdeploy.routing.tls.enabled), the Traefik URL must be"
                    + " its TLS entrypoint, e.g. https://traefik:443 (DROPDEPLOY_TRAEFIK_URL), not " + traefikUrl
                    + ": the plain entrypoint only redirects, so no new version could be confirmed");
        }
    }

    /**
     * Plain HTTP, for code that builds the record by hand. A factory, not a constructor: a second constructor would
     * leave Spring unsure which one to bind.
     */
    static RoutingProperties plainHttp(String appsDomain, int publicPort, String entrypoint, URI traefikUrl) {
        return new RoutingProperties(appsDomain, publicPort, entrypoint, traefikUrl, Tls.OFF);
    }

    /**
     * The domain of the one certificate every app is served with ({@code <domain>} and {@code *.<domain>}): always
     * the apps domain, since a wildcard covers exactly one label and project and version hosts are one label below it.
     */
    public String certificateDomain() {
        return Hostnames.requireValid(appsDomain);
    }

    /**
     * HTTPS through one certificate for the apps domain and {@code *.<apps domain>}: project and version hosts are single
     * labels under it, so a deployment never orders a certificate of its own (Let's Encrypt allows 50 a week).
     *
     * @param enabled routers move to the TLS entrypoint, plain HTTP redirects there, links are https
     * @param certResolver the Traefik certificate resolver (static configuration) that orders the certificate; it
     *     needs a DNS-01 provider, the only challenge that gives wildcards
     * @param entrypoint Traefik's TLS entrypoint
     * @param port the port that entrypoint is published on; links omit it when it is 443
     */
    public record Tls(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("letsencrypt") @NotBlank String certResolver,
            @DefaultValue("websecure") @NotBlank String entrypoint,
            @DefaultValue("443") @Min(1) @Max(65535) int port) {

        static final Tls OFF = new Tls(false, "letsencrypt", "websecure", 443);
    }
}
