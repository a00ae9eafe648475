package dev.dropdeploy.deploy;

/**
 * The route-table keys a project's routes live under: one for its address, one per version address. Every step that
 * publishes, replaces or withdraws a route names it through here, so they can never disagree.
 */
final class RouteNames {

    private RouteNames() {}

    static String project(String slug) {
        return slug;
    }

    static String version(String slug, int version) {
        return "v" + version + "--" + slug;
    }
}
