package dev.dropdeploy.runtime;

/**
 * A started app container.
 *
 * @param id Docker's container id
 * @param name unique container name, also its DNS name on the project network ({@code dd-<slug>-v<N>-<suffix>})
 * @param routeTarget the URL Traefik forwards to, for example {@code http://dd-shop-v3-ab12:8080}
 * @param probeTarget the URL DropDeploy itself probes health on (the container's address on its network)
 */
public record AppContainer(String id, String name, String routeTarget, String probeTarget) {}
