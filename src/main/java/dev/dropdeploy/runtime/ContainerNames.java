package dev.dropdeploy.runtime;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Names of containers and networks; a container's name is also its DNS name on the project network. */
final class ContainerNames {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 6;

    private final RandomGenerator random;

    ContainerNames(RandomGenerator random) {
        this.random = random;
    }

    ContainerNames() {
        this(new SecureRandom());
    }

    /**
     * {@code dd-<slug>-v<N>-<suffix>}: the random suffix keeps names unique when the same version starts twice (a
     * retried deployment, a rollback) while its predecessor still drains.
     */
    String container(String projectSlug, int version) {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return "dd-%s-v%d-%s".formatted(ContainerLabels.requireSlug(projectSlug), version, suffix);
    }

    /**
     * {@code dds-<slug>-<what>} for a project's data volume or service container (also the container's volume); another
     * instance on the same engine (a test run) puts its name in between, so two installations with a project of the
     * same name never share, or take over, each other's data.
     */
    static String data(String instance, String projectSlug, String what) {
        String scope = instance.equals("default") ? "" : instance.toLowerCase(java.util.Locale.ROOT) + "-";
        return "dds-" + scope + ContainerLabels.requireSlug(projectSlug) + "-" + what;
    }

    /** Every project network's name starts so; infrastructure networks must sort before it (see ProjectNetworks). */
    static final String NETWORK_PREFIX = "dd-net-";

    static String network(String projectSlug) {
        return NETWORK_PREFIX + ContainerLabels.requireSlug(projectSlug);
    }
}
