package dev.dropdeploy.routing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns user-given names into DNS labels and checks host names, so no router can ever get an empty rule. */
public final class Hostnames {

    /** Leaves room for the {@code v<N>--} prefix of version hosts inside the 63-character DNS label limit. */
    static final int MAX_SLUG_LENGTH = 40;

    /** A preview's slug leaves room for the {@code v<N>--} prefix (up to {@code v9999--}) inside 63 characters. */
    static final int MAX_PREVIEW_SLUG_LENGTH = 56;

    private static final Pattern VERSION_LABEL = Pattern.compile("v[0-9]+");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Hostnames() {}

    /**
     * A DNS label from any name: "Mortgage Calculator!" becomes {@code mortgage-calculator}, accents are dropped.
     *
     * @throws IllegalArgumentException when nothing usable is left, for example for "!!!"
     */
    public static String slug(String name) {
        String slug = cut(dashed(name), MAX_SLUG_LENGTH);
        if (slug.isEmpty()) {
            throw new IllegalArgumentException(
                    "The name \"" + name + "\" has no letters or digits (a-z, 0-9) to build a web address from");
        }
        return slug;
    }

    /**
     * The slug of a branch's preview of the project {@code slug}: {@code feature-login--shop}. A project's own slug never
     * holds {@code --} ({@link #slug} joins runs of dashes), so previews and projects cannot take each other's
     * addresses; a branch that would read as a version ({@code v3}) gets a {@code b-} prefix for the same reason. The
     * branch part is shortened to fit; a branch with no letters or digits is called {@code branch}.
     */
    public static String previewSlug(String branch, String slug) {
        String label = dashed(branch);
        if (label.isEmpty()) {
            label = "branch";
        }
        if (VERSION_LABEL.matcher(label).matches()) {
            label = "b-" + label;
        }
        String project = slug(slug);
        return cut(label, MAX_PREVIEW_SLUG_LENGTH - 2 - project.length()) + "--" + project;
    }

    /** A project's or a preview's slug as it is when it already is one DNS label, else {@link #slug} of it. */
    static String label(String slug) {
        return slug != null
                        && slug.length() <= MAX_PREVIEW_SLUG_LENGTH
                        && LABEL.matcher(slug).matches()
                ? slug
                : slug(slug);
    }

    private static String dashed(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String cut(String label, int length) {
        return label.length() > length ? label.substring(0, length).replaceAll("-+$", "") : label;
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
