package dev.dropdeploy.routing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Traefik proves itself to the routing endpoint.
 *
 * @param token the token itself ({@code DROPDEPLOY_ROUTING_TOKEN}); when blank, {@code tokenFile} is read, and created
 *     with a random token when missing. {@code ./dropdeploy up} writes that file before it starts Traefik and gives
 *     Traefik the same value.
 * @param tokenFile where the token is kept, readable by its owner only
 */
@ConfigurationProperties("dropdeploy.routing.auth")
record RoutingAuthProperties(String token, Path tokenFile) {}
