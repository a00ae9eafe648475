package dev.dropdeploy.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * User names for an account made at a first sign-in through a provider, from what the provider says about the person
 * (its login name, preferred name, e-mail). Provider data is only a suggestion: it is cut down to the characters a user
 * name may hold, and a taken name gets a number. It never decides which account someone signs in to.
 */
final class ExternalNames {

    static final int MAX_LENGTH = 100;
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9._@+-]+");
    private static final Pattern LEADING = Pattern.compile("^[^a-z0-9]+");
    private static final int MAX_NUMBER = 1000;

    private final List<String> candidates;
    private final String fallback;

    private ExternalNames(List<String> candidates, String fallback) {
        this.candidates = candidates;
        this.fallback = fallback;
    }

    /**
     * @param provider the registration id, used when no suggestion is usable
     * @param suggestions in order of preference; blanks and nulls are skipped
     */
    static ExternalNames of(String provider, List<String> suggestions) {
        List<String> usable = new ArrayList<>();
        suggestions.stream().filter(Objects::nonNull).map(ExternalNames::clean).forEach(name -> {
            if (name.length() >= 3 && !usable.contains(name)) {
                usable.add(name);
            }
        });
        String fallback = clean(provider + "-user");
        return new ExternalNames(List.copyOf(usable), fallback.length() >= 3 ? fallback : "sso-user");
    }

    /** The first suggestion nobody has, else the first one with the lowest free number; the fallback if none. */
    String firstFree(Predicate<String> taken) {
        List<String> names = candidates.isEmpty() ? List.of(fallback) : candidates;
        for (String name : names) {
            if (!taken.test(name)) {
                return name;
            }
        }
        String base = names.getFirst();
        for (int n = 2; n < MAX_NUMBER; n++) {
            String suffix = "-" + n;
            String name = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
            if (!taken.test(name)) {
                return name;
            }
        }
        throw new IllegalStateException("No free user name for " + base);
    }

    static String clean(String suggestion) {
        String lower = suggestion.strip().toLowerCase(Locale.ROOT);
        String cleaned =
                LEADING.matcher(NOT_ALLOWED.matcher(lower).replaceAll("-")).replaceFirst("");
        return cleaned.substring(0, Math.min(cleaned.length(), MAX_LENGTH));
    }
}
