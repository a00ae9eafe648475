package dev.dropdeploy.routing;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One route: the host names that reach one container. A route never points at two containers; a new version gets a
 * new route or replaces this one atomically.
 *
 * @param name unique key of the route, lower-case letters, digits and dashes
 * @param hosts normalised host names, at least one
 * @param target the container's internal address, for example {@code http://dd-shop-v3:8080}
 * @param deployment what answers, sent back in the {@code X-DropDeploy-Deployment} response header
 * @param basicAuth {@code user:bcrypt-hash} lines; visitors must sign in when there are any
 */
public record Route(String name, List<String> hosts, URI target, String deployment, List<String> basicAuth) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,100}[a-z0-9])?");

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(deployment, "deployment");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Route name must be lower-case letters, digits and dashes: " + name);
        }
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException("Route " + name + " needs at least one host name");
        }
        hosts = hosts.stream().map(Hostnames::requireValid).toList();
        basicAuth = basicAuth == null ? List.of() : List.copyOf(basicAuth);
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("Route target must be an http URL with a host: " + target);
        }
    }

    public Route(String name, List<String> hosts, URI target, String deployment) {
        this(name, hosts, target, deployment, List.of());
    }

    public Route withBasicAuth(List<String> users) {
        return new Route(name, hosts, target, deployment, users);
    }
}
