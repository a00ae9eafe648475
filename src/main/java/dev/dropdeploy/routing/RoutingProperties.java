package dev.dropdeploy.routing;

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
 * @param entrypoint the Traefik entrypoint the routers attach to
 * @param traefikUrl where DropDeploy itself reaches Traefik to confirm that a new version answers
 * @param certResolver in production, the Traefik certificate resolver (e.g. {@code letsencrypt} from
 *     traefik/traefik.yml) that gets every app its certificate; empty serves plain HTTP. With it, set the entrypoint
 *     to the TLS one ({@code websecure}) and the public port to 443, and links use https
 */
@Validated
@ConfigurationProperties("dropdeploy.routing")
public record RoutingProperties(
        @DefaultValue("localhost") @NotBlank String appsDomain,
        @DefaultValue("80") @Min(1) @Max(65535) int publicPort,
        @DefaultValue("web") @NotBlank String entrypoint,
        @DefaultValue("http://localhost:80") URI traefikUrl,
        @DefaultValue("") String certResolver) {

    public boolean tls() {
        return certResolver != null && !certResolver.isBlank();
    }
}
