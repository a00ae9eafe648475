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

    /**
     * Runtimes published as images by their makers and as packages in the npm registry: the image becomes the catalog's
     * node image with the runtime installed from the registry (at the tag's version), and the user the image has.
     */
    private static final Map<String, NpmRuntime> NPM_RUNTIMES = Map.of("oven/bun", new NpmRuntime("bun", "bun", 1000));

    /** A runtime from the npm registry: its package, and the non-root user its own image has (uid). */
    private record NpmRuntime(String npmPackage, String user, int uid) {}

    /** Images made for something this installation cannot do offline, with what to use instead (the refusal says it). */
    private static final Map<String, String> UNAVAILABLE = Map.of(
            "heroku/heroku",
            "Heroku's stack image, made to run Heroku buildpacks, which download from the internet; start from the"
                    + " language's own image (golang, node, python, php, eclipse-temurin) or remove the Dockerfile so"
                    + " DropDeploy builds the app from its code",
            "heroku/builder",
            "Heroku's buildpack builder; remove the Dockerfile so DropDeploy builds the app from its code",
            "paketobuildpacks/builder",
            "a buildpack builder; remove the Dockerfile so DropDeploy builds the app from its code");

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
            return CATALOG_NAMES.contains(catalog) ? Optional.of(byTag(catalog, name.tag())) : Optional.empty();
        }
        if (!name.dockerHub()) {
            return Optional.empty();
        }
        String repository = name.repository().replaceFirst("^library/", "");
        if (JDKS.contains(repository)) {
            return Optional.of(name.tag().contains("jre") ? "jre" : "maven");
        }
        if (NPM_RUNTIMES.containsKey(repository)) {
            return Optional.of("node");
        }
        return Optional.ofNullable(REPOSITORIES.get(repository)).map(catalog -> byTag(catalog, name.tag()));
    }

    /** Node's tag names its version ({@code node:20-alpine}, {@code node:lts}): the Node it gets follows it. */
    private static String byTag(String catalog, String tag) {
        return catalog.equals("node") ? NodeRuntimes.catalogName(tag) : catalog;
    }

    /**
     * Why a base image is refused, in words a person can act on: third-party images live in a registry this server
     * cannot reach, and an image built around a stack DropDeploy builds itself is best replaced by no Dockerfile.
     */
    static String notOffered(String image) {
        String stack = STACK_WORDS.entrySet().stream()
                .filter(e -> java.util.regex.Pattern.compile("(^|[/_.-])" + e.getKey() + "([/_.:-]|\\d|$)")
                        .matcher(image.toLowerCase(Locale.ROOT))
                        .find())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        return image + " is not offered here: it would be pulled from a container registry, which this server cannot"
                + " reach (it reaches only the package registries, not the rest of the internet). A Dockerfile may"
                + " start from earlier stages and these base images: " + offered() + "."
                + (stack == null
                        ? ""
                        : " DropDeploy builds " + stack + " apps itself: delete the Dockerfile to deploy the app with"
                                + " this installation's " + stack + " image.");
    }

    /** Words in third-party image names that tell the stack they are built around (richarvey/nginx-php-fpm: PHP). */
    private static final Map<String, String> STACK_WORDS = new java.util.TreeMap<>(Map.of(
            "php", "PHP",
            "node", "Node.js",
            "python", "Python",
            "golang", "Go",
            "openjdk", "Java",
            "java", "Java",
            "jdk", "Java"));

    /**
     * The RUN step that makes the catalog's image what {@code reference} provides, or empty when the catalog image is
     * enough: the runtime from the npm registry, at the version the tag names ({@code oven/bun:1.1-alpine} is bun@1.1).
     */
    static Optional<String> setupStep(String reference) {
        ImageName name = ImageName.parse(reference);
        if (name == null || !name.dockerHub()) {
            return Optional.empty();
        }
        NpmRuntime runtime = NPM_RUNTIMES.get(name.repository());
        if (runtime == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher version =
                java.util.regex.Pattern.compile("^\\d+(?:\\.\\d+){0,2}").matcher(name.tag());
        String spec = runtime.npmPackage() + "@" + (version.find() ? version.group() : "latest");
        return Optional.of("npm install -g " + spec + " && (id -u " + runtime.user()
                + " >/dev/null 2>&1 || useradd -m -o" + " -u " + runtime.uid() + " " + runtime.user() + ")");
    }

    /** Why a well-known image is not offered and what to use instead, or empty for any other image. */
    static Optional<String> whyUnavailable(String reference) {
        ImageName name = ImageName.parse(reference);
        return name == null || !name.dockerHub()
                ? Optional.empty()
                : Optional.ofNullable(UNAVAILABLE.get(name.repository()));
    }

    /** What the refusal lists as allowed. */
    static String offered() {
        return "node, python, golang, php, maven, eclipse-temurin/openjdk, caddy, debian/ubuntu/alpine, postgres"
                + ", oven/bun (any tag; built from this installation's catalog image)";
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
