package dev.dropdeploy.build;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * THE rule for which base images a project's own Dockerfile may name, and which catalog image each becomes. No
 * registry is reachable from a typical installation, and a local image of the same name could be anything (another
 * project's image tagged {@code node:20}), so well-known public bases are always built from the catalog's equivalent,
 * and everything else is refused. To offer another base, add a catalog image and a line here.
 */
final class PublicBases {

    /** Docker Hub repository (official images, without {@code library/}) to catalog name. */
    private static final Map<String, String> REPOSITORIES = Map.ofEntries(
            Map.entry("node", "node"),
            Map.entry("python", "python"),
            Map.entry("golang", "go"),
            Map.entry("php", "php"),
            Map.entry("maven", "maven"),
            Map.entry("caddy", "static"),
            Map.entry("debian", "debian"),
            Map.entry("ubuntu", "debian"),
            Map.entry("alpine", "debian"),
            Map.entry("busybox", "debian"),
            Map.entry("postgres", "postgres"));

    /** JDK images: the catalog's JRE for runtime tags, its Maven image (a full JDK) for everything else. */
    private static final Set<String> JDKS =
            Set.of("eclipse-temurin", "openjdk", "amazoncorretto", "ibm-semeru-runtimes");

    /** Catalog images a Dockerfile may name directly by their offline {@code dropdeploy/<name>} repository. */
    private static final Set<String> CATALOG_NAMES =
            Set.of("node", "python", "go", "php", "maven", "jre", "static", "debian", "postgres");

    private PublicBases() {}

    /**
     * The catalog name an image reference stands for, or empty when the installation does not offer it.
     *
     * @param reference as written after {@code FROM}, variables already expanded
     */
    static Optional<String> catalogName(String reference) {
        ImageName name = ImageName.parse(reference);
        if (name == null) {
            return Optional.empty();
        }
        if (name.registry().isEmpty() && name.repository().startsWith("dropdeploy/")) {
            String catalog = name.repository().substring("dropdeploy/".length());
            return CATALOG_NAMES.contains(catalog) ? Optional.of(catalog) : Optional.empty();
        }
        if (!name.dockerHub()) {
            return Optional.empty();
        }
        String repository = name.repository().replaceFirst("^library/", "");
        if (JDKS.contains(repository)) {
            return Optional.of(name.tag().contains("jre") ? "jre" : "maven");
        }
        return Optional.ofNullable(REPOSITORIES.get(repository));
    }

    /** What the refusal lists as allowed. */
    static String offered() {
        return "node, python, golang, php, maven, eclipse-temurin/openjdk, caddy, debian/ubuntu/alpine, postgres"
                + " (any tag; built from this installation's catalog image)";
    }

    /** A parsed image reference; only what the rule needs. */
    record ImageName(String registry, String repository, String tag) {

        private static final java.util.regex.Pattern VALID =
                java.util.regex.Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");

        static ImageName parse(String reference) {
            String ref = reference.strip();
            int at = ref.indexOf('@');
            if (at >= 0) {
                ref = ref.substring(0, at); // a digest pins bytes this installation cannot fetch anyway
            }
            String registry = "";
            int slash = ref.indexOf('/');
            if (slash > 0) {
                String first = ref.substring(0, slash);
                if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                    registry = first.toLowerCase(Locale.ROOT);
                    ref = ref.substring(slash + 1);
                }
            }
            String tag = "latest";
            int colon = ref.lastIndexOf(':');
            if (colon > 0) {
                tag = ref.substring(colon + 1);
                ref = ref.substring(0, colon);
            }
            if (!VALID.matcher(ref).matches() || tag.isEmpty()) {
                return null;
            }
            return new ImageName(registry, ref, tag.toLowerCase(Locale.ROOT));
        }

        boolean dockerHub() {
            return registry.isEmpty() || registry.equals("docker.io") || registry.equals("index.docker.io");
        }
    }
}
