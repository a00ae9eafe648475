package dev.dropdeploy.runtime;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * DropDeploy's label namespace on containers and networks. The reaper and the start-up reconciliation trust these labels
 * alone. A spec carries no labels at all, and the engine lays these over whatever an image's Dockerfile
 * declared, so a user's {@code LABEL dropdeploy.project=...} can never claim or hide a container. Other
 * {@code dropdeploy.*} image labels (the catalog's {@code dropdeploy.recipe-sha}, inherited by every app image) are
 * left alone: nothing reads them from containers.
 */
final class ContainerLabels {

    static final String NAMESPACE = "dropdeploy.";
    static final String MANAGED = NAMESPACE + "managed";
    static final String PROJECT = NAMESPACE + "project";
    static final String VERSION = NAMESPACE + "version";
    static final String DEPLOYMENT = NAMESPACE + "deployment";
    static final String INSTANCE = NAMESPACE + "instance";
    static final String SERVICE = NAMESPACE + "service";

    /** Short enough that {@code dd-<slug>-v<N>-<suffix>} stays a valid 63-character DNS label. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private ContainerLabels() {}

    static Map<String, String> forContainer(ContainerSpec spec, String instance) {
        return Map.of(
                MANAGED, "true",
                INSTANCE, instance,
                PROJECT, spec.projectSlug(),
                VERSION, Integer.toString(spec.version()),
                DEPLOYMENT, spec.deploymentId());
    }

    static Map<String, String> forNetwork(String projectSlug, String instance) {
        return Map.of(MANAGED, "true", INSTANCE, instance, PROJECT, projectSlug);
    }

    /** Service containers, data volumes and their helpers: never {@link #MANAGED}, so no app reaper touches them. */
    static Map<String, String> forData(String projectSlug, String instance, String service) {
        return Map.of(INSTANCE, instance, PROJECT, requireSlug(projectSlug), SERVICE, service);
    }

    /**
     * Whether a container's labels make it a data service: set by DropDeploy on its service containers, which are never
     * {@link #MANAGED}. An app container is, so an app image's own {@code LABEL dropdeploy.service=postgres} (which
     * the container inherits) cannot pass it off as one.
     */
    static boolean isService(Map<String, String> labels) {
        String service = labels.get(SERVICE);
        return service != null && !"true".equals(labels.get(MANAGED)) && !NOT_SERVICES.contains(service);
    }

    /** Service-labelled containers that hold no service: a data volume's owner and one-off helpers. */
    private static final java.util.Set<String> NOT_SERVICES = java.util.Set.of("data", "helper");

    static Map<String, String> managedFilter(String instance) {
        return Map.of(MANAGED, "true", INSTANCE, instance);
    }

    static Map<String, String> projectFilter(String projectSlug, String instance) {
        return Map.of(MANAGED, "true", INSTANCE, instance, PROJECT, requireSlug(projectSlug));
    }

    static String requireSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException(
                    "A project slug is 1 to 40 lower-case letters, digits or inner hyphens; got '" + slug + "'");
        }
        return slug;
    }

    static ManagedContainer toManaged(String id, String name, Map<String, String> labels, boolean running) {
        return new ManagedContainer(
                id,
                name.startsWith("/") ? name.substring(1) : name,
                labels.getOrDefault(PROJECT, ""),
                parseVersion(labels.get(VERSION)),
                labels.getOrDefault(DEPLOYMENT, ""),
                running);
    }

    private static int parseVersion(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
