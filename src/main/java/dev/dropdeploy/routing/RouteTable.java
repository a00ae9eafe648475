package dev.dropdeploy.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The routes Traefik serves, keyed by route name. Publishing a route with an existing name replaces it in one step,
 * which is how a cutover switches a host from the old container to the new one.
 */
@Component
public class RouteTable {

    private final ConcurrentMap<String, Route> routes = new ConcurrentHashMap<>();
    private volatile boolean restored;

    /** Called once start-up reconciliation has put back every live route; until then Traefik keeps what it has. */
    public void markRestored() {
        restored = true;
    }

    boolean restored() {
        return restored;
    }

    public void publish(Route route) {
        routes.put(route.name(), route);
    }

    public void withdraw(String name) {
        routes.remove(name);
    }

    public Optional<Route> find(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    /** A consistent, name-ordered snapshot, so Traefik sees identical JSON while nothing changed. */
    public List<Route> snapshot() {
        return routes.values().stream()
                .sorted(Comparator.comparing(Route::name))
                .toList();
    }
}
