package dev.dropdeploy.routing;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Traefik reaches DropDeploy's waker: the same host and port its HTTP provider polls the route table on.
 *
 * @param url DropDeploy as Traefik sees it ({@code dropdeploy} is the compose service, or the host gateway in tests)
 */
@Validated
@ConfigurationProperties("dropdeploy.routing.waker")
public record WakerProperties(
        @DefaultValue("http://dropdeploy:8080") @NotNull URI url) {

    /** The path Traefik replaces every sleeping app's request path with, so it reaches the waker and nothing else. */
    public static final String PATH = "/internal/waker";

    public WakerProperties {
        if (url == null || !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("dropdeploy.routing.waker.url must be an http URL with a host: " + url);
        }
    }
}
