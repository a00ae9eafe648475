package dev.dropdeploy.routing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns user-given names into DNS labels and checks host names, so no router can ever get an empty rule. */
public final class Hostnames {

    /** Leaves room for the {@code v<N>--} prefix of version hosts inside the 63-character DNS label limit. */
    static final int MAX_SLUG_LENGTH = 40;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Hostnames() {}

    /**
     * A DNS label from any name: "Mortgage Calculator!" becomes {@code mortgage-calculator}, accents are dropped.
     *
     * @throws IllegalArgumentException when nothing usable is left, for example for "!!!"
     */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            throw new IllegalArgumentException(
                    "The name \"" + name + "\" has no letters or digits (a-z, 0-9) to build a web address from");
        }
        return slug;
    }

    /** Lower-cases a host name and rejects anything that is not one (empty, spaces, backticks, a port, a path). */
    public static String requireValid(String host) {
        String normalised = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (normalised.endsWith(".")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        if (normalised.isEmpty() || normalised.length() > 253) {
            throw new IllegalArgumentException("Not a host name: \"" + host + "\"");
        }
        for (String label : normalised.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("Not a host name: \"" + host + "\"");
            }
        }
        return normalised;
    }
}
