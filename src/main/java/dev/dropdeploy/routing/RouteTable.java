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
    private final ConcurrentMap<String, List<String>> wakers = new ConcurrentHashMap<>();
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

    /**
     * Sends the hosts of a sleeping project to DropDeploy's waker, through a router below every app router in
     * priority: while the app's own routes are back (waking), they win, and withdrawing this one leaves no gap.
     */
    public void publishWaker(String slug, List<String> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("A waker needs at least one host");
        }
        wakers.put(
                Hostnames.requireValid(slug),
                hosts.stream().map(Hostnames::requireValid).toList());
    }

    public void withdrawWaker(String slug) {
        wakers.remove(slug);
    }

    /**
     * The sleeping project whose waker serves {@code host}: how the waker learns which project a request is for. Only
     * projects that sleep have one, so no request can name any other project or container.
     */
    public Optional<String> sleepingProjectAt(String host) {
        String wanted;
        try {
            // A Host header may carry the port a visitor used.
            wanted = Hostnames.requireValid(host == null ? "" : host.replaceFirst(":[0-9]{1,5}$", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return wakers.entrySet().stream()
                .filter(e -> e.getValue().contains(wanted))
                .map(java.util.Map.Entry::getKey)
                .findFirst();
    }

    /** Slug to hosts of every sleeping project, ordered by slug. */
    java.util.SortedMap<String, List<String>> wakerSnapshot() {
        return new java.util.TreeMap<>(wakers);
    }
}
