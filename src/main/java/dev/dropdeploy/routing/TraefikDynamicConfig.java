package dev.dropdeploy.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Traefik's dynamic configuration (the JSON its HTTP provider reads), rendered from a snapshot of the route table.
 * Empty maps are left out: Traefik rejects {@code "routers": {}} as "a standalone element" and would then keep
 * serving the previous routes, so an empty table must render as {@code {}}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record TraefikDynamicConfig(Http http) {

    static final String DEPLOYMENT_HEADER = "X-DropDeploy-Deployment";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Http(Map<String, Router> routers, Map<String, Service> services, Map<String, Middleware> middlewares) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Router(String rule, List<String> entryPoints, String service, List<String> middlewares, Tls tls) {}

    /** Traefik obtains and renews each host's certificate through the resolver named in its static config. */
    record Tls(String certResolver) {}

    record Service(LoadBalancer loadBalancer) {}

    record LoadBalancer(List<Server> servers, boolean passHostHeader) {}

    record Server(String url) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Middleware(Headers headers, BasicAuth basicAuth) {}

    /** {@code removeHeader}: the app never sees the visitor's credentials. */
    record BasicAuth(List<String> users, boolean removeHeader) {}

    record Headers(Map<String, String> customResponseHeaders) {}

    static TraefikDynamicConfig render(List<Route> routes, String entrypoint) {
        return render(routes, entrypoint, "");
    }

    static TraefikDynamicConfig render(List<Route> routes, String entrypoint, String certResolver) {
        Tls tls = certResolver == null || certResolver.isBlank() ? null : new Tls(certResolver);
        Map<String, Router> routers = new LinkedHashMap<>();
        Map<String, Service> services = new LinkedHashMap<>();
        Map<String, Middleware> middlewares = new LinkedHashMap<>();
        for (Route route : routes) {
            String id = "dd-" + route.name();
            String identify = id + "-id";
            List<String> chain = new ArrayList<>(List.of(identify));
            middlewares.put(identify, new Middleware(new Headers(Map.of(DEPLOYMENT_HEADER, route.deployment())), null));
            // After the identifying header, so even a 401 says which deployment would have answered.
            if (!route.basicAuth().isEmpty()) {
                chain.add(id + "-auth");
                middlewares.put(id + "-auth", new Middleware(null, new BasicAuth(route.basicAuth(), true)));
            }
            routers.put(id, new Router(rule(route), List.of(entrypoint), id, List.copyOf(chain), tls));
            services.put(id, new Service(new LoadBalancer(List.of(new Server(stripTrailingSlash(route))), true)));
        }
        return new TraefikDynamicConfig(routes.isEmpty() ? null : new Http(routers, services, middlewares));
    }

    private static String rule(Route route) {
        return route.hosts().stream().map(host -> "Host(`" + host + "`)").collect(Collectors.joining(" || "));
    }

    private static String stripTrailingSlash(Route route) {
        return route.target().toString().replaceAll("/+$", "");
    }
}
