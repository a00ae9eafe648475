package dev.dropdeploy.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
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

    /** The router and middleware that send plain HTTP to HTTPS; routes are {@code dd-<slug>}, never with "_". */
    static final String REDIRECT = "dd_to_https";

    static final String CERTIFICATE = "dd_certificate";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Http(Map<String, Router> routers, Map<String, Service> services, Map<String, Middleware> middlewares) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Router(
            String rule,
            List<String> entryPoints,
            String service,
            List<String> middlewares,
            Tls tls,
            Integer priority) {

        Router(String rule, List<String> entryPoints, String service, List<String> middlewares, Tls tls) {
            this(rule, entryPoints, service, middlewares, tls, null);
        }
    }

    /**
     * Traefik obtains and renews the certificate through the resolver named in its static config. Every router names
     * the same domains, so Traefik orders one certificate for all of them and reuses it.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Tls(String certResolver, List<Domain> domains) {}

    record Domain(String main, List<String> sans) {}

    record Service(LoadBalancer loadBalancer) {}

    record LoadBalancer(List<Server> servers, boolean passHostHeader) {}

    record Server(String url) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Middleware(Headers headers, BasicAuth basicAuth, RedirectScheme redirectScheme, ReplacePath replacePath) {

        Middleware(Headers headers, BasicAuth basicAuth) {
            this(headers, basicAuth, null, null);
        }

        Middleware(Headers headers, BasicAuth basicAuth, RedirectScheme redirectScheme) {
            this(headers, basicAuth, redirectScheme, null);
        }
    }

    /** Traefik keeps the visitor's path in {@code X-Replaced-Path}. */
    record ReplacePath(String path) {}

    /** {@code removeHeader}: the app never sees the visitor's credentials. */
    record BasicAuth(List<String> users, boolean removeHeader) {}

    record Headers(Map<String, String> customResponseHeaders) {}

    /** {@code port} only when the TLS entrypoint is not on 443, so the redirect names it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RedirectScheme(String scheme, String port, boolean permanent) {}

    /** Sleeping projects' routers: below any app router (Traefik's default priority is the rule's length). */
    static final int WAKER_PRIORITY = 2;

    static final String WAKER = "dd-waker";

    static TraefikDynamicConfig render(List<Route> routes, String entrypoint) {
        return render(routes, RoutingProperties.plainHttp("localhost", 80, entrypoint, URI.create("http://localhost")));
    }

    /**
     * The dashboard's router outranks every app's (Traefik otherwise ranks by rule length): a project whose address
     * equals the dashboard's must never be served there in its place, where it could collect people's passwords.
     */
    static final int DASHBOARD_PRIORITY = 1_000_000;

    static final String DASHBOARD = "dropdeploy-dashboard";

    static TraefikDynamicConfig render(List<Route> routes, RoutingProperties properties) {
        return render(routes, Map.of(), properties, null, DashboardRouteProperties.NONE);
    }

    static TraefikDynamicConfig render(
            List<Route> routes, RoutingProperties properties, DashboardRouteProperties dashboard) {
        return render(routes, Map.of(), properties, null, dashboard);
    }

    static TraefikDynamicConfig render(
            List<Route> routes, Map<String, List<String>> wakers, RoutingProperties properties, URI waker) {
        return render(routes, wakers, properties, waker, DashboardRouteProperties.NONE);
    }

    /**
     * @param wakers slug to hosts of each sleeping project
     * @param waker where Traefik reaches DropDeploy; unused without wakers
     * @param dashboard DropDeploy's own host name, or none
     */
    static TraefikDynamicConfig render(
            List<Route> routes,
            Map<String, List<String>> wakers,
            RoutingProperties properties,
            URI waker,
            DashboardRouteProperties dashboard) {
        RoutingProperties.Tls https = properties.tls();
        String entrypoint = https.enabled() ? https.entrypoint() : properties.entrypoint();
        Tls tls = https.enabled() ? certificate(https.certResolver(), properties.certificateDomain()) : null;
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
        if (!wakers.isEmpty()) {
            wakers(wakers, entrypoint, tls, waker, routers, services, middlewares);
        }
        if (dashboard.enabled()) {
            routers.put(
                    DASHBOARD,
                    new Router(
                            "Host(`" + dashboard.host() + "`)",
                            List.of(entrypoint),
                            DASHBOARD,
                            List.of(),
                            https.enabled() ? dashboardCertificate(properties, dashboard.host()) : null,
                            DASHBOARD_PRIORITY));
            services.put(
                    DASHBOARD,
                    new Service(new LoadBalancer(
                            List.of(new Server(dashboard.url().toString().replaceAll("/+$", ""))), true)));
        }
        if (https.enabled()) {
            redirectToHttps(properties, routers, middlewares);
            routers.put(CERTIFICATE, orderingRouter(tls, https.entrypoint()));
        }
        return new TraefikDynamicConfig(routers.isEmpty() ? null : new Http(routers, services, middlewares));
    }

    /**
     * One router per sleeping project, all to one service: DropDeploy itself, at the waker's path whatever the visitor
     * asked for (the Host header still says which project).
     */
    private static void wakers(
            Map<String, List<String>> wakers,
            String entrypoint,
            Tls tls,
            URI waker,
            Map<String, Router> routers,
            Map<String, Service> services,
            Map<String, Middleware> middlewares) {
        String path = WAKER + "-path";
        middlewares.put(path, new Middleware(null, null, null, new ReplacePath(WakerProperties.PATH)));
        services.put(
                WAKER,
                new Service(new LoadBalancer(List.of(new Server(waker.toString().replaceAll("/+$", ""))), true)));
        wakers.forEach((slug, hosts) -> routers.put(
                WAKER + "--" + slug,
                new Router(rule(hosts), List.of(entrypoint), WAKER, List.of(path), tls, WAKER_PRIORITY)));
    }

    /** The apps' wildcard certificate when it covers the dashboard's host, otherwise one for that host alone. */
    private static Tls dashboardCertificate(RoutingProperties properties, String host) {
        String domain = properties.certificateDomain();
        boolean covered = host.equals(domain)
                || host.endsWith("." + domain) && host.indexOf('.') == host.length() - domain.length() - 1;
        return covered
                ? certificate(properties.tls().certResolver(), domain)
                : new Tls(properties.tls().certResolver(), List.of(new Domain(host, List.of())));
    }

    private static Tls certificate(String resolver, String domain) {
        return new Tls(resolver, List.of(new Domain(domain, List.of("*." + domain))));
    }

    /**
     * Every plain-HTTP request is answered with a permanent redirect to the same address over https. Lowest priority,
     * so a router of its own on the plain entrypoint (an ACME HTTP challenge, say) still wins.
     */
    private static void redirectToHttps(
            RoutingProperties properties, Map<String, Router> routers, Map<String, Middleware> middlewares) {
        int port = properties.tls().port();
        middlewares.put(
                REDIRECT,
                new Middleware(null, null, new RedirectScheme("https", port == 443 ? null : "" + port, true)));
        routers.put(
                REDIRECT,
                new Router(
                        "PathPrefix(`/`)",
                        List.of(properties.entrypoint()),
                        "noop@internal",
                        List.of(REDIRECT),
                        null,
                        1));
    }

    /**
     * A router that exists only so Traefik orders the wildcard certificate from its first poll on, before any app is
     * deployed: the ACME account registration and the first order can hold Traefik's next configuration for as long
     * as they take, which a first deployment's cutover would otherwise wait out. It answers nothing of its own.
     */
    private static Router orderingRouter(Tls tls, String entrypoint) {
        return new Router(
                "Host(`" + tls.domains().getFirst().main() + "`)",
                List.of(entrypoint),
                "noop@internal",
                List.of(),
                tls,
                1);
    }

    private static String rule(Route route) {
        return rule(route.hosts());
    }

    private static String rule(List<String> hosts) {
        return hosts.stream().map(host -> "Host(`" + host + "`)").collect(Collectors.joining(" || "));
    }

    private static String stripTrailingSlash(Route route) {
        return route.target().toString().replaceAll("/+$", "");
    }
}
