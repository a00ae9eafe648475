package dev.dropdeploy.metrics;

import java.util.regex.Pattern;

/**
 * Which of Traefik's routers serve a project: the one for its address ({@code dd-<slug>}) and one per version address
 * ({@code dd-v<N>--<slug>}), as the routing module names them, each with the provider suffix {@code @http}.
 */
final class RouterNames {

    private static final Pattern VERSION_PREFIX = Pattern.compile("v[0-9]+--");

    private RouterNames() {}

    static boolean serves(String router, String slug) {
        String prefix = "dd-";
        String suffix = "@http";
        if (!router.startsWith(prefix) || !router.endsWith(suffix)) {
            return false;
        }
        String route = router.substring(prefix.length(), router.length() - suffix.length());
        if (route.equals(slug)) {
            return true;
        }
        return route.endsWith("--" + slug)
                && VERSION_PREFIX
                        .matcher(route.substring(0, route.length() - slug.length()))
                        .matches();
    }
}
