package dev.dropdeploy.chat.protocol;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds "lazy" placeholders ({@code // ... rest of the code unchanged}, {@code # ...existing code...}) that would
 * silently delete working code if written. Only comment lines count, and a line that was already in the file is
 * fine: the user may have written it.
 */
final class Elision {

    private static final String COMMENT = "(//|#|<!--|/\\*|\\*|--|\\{/\\*|;)";
    private static final Pattern DOTS_ONLY =
            Pattern.compile("^\\s*" + COMMENT + "\\s*(\\.\\.\\.|…)\\s*(-->|\\*/\\}?|\\*/)?\\s*$");
    private static final Pattern PHRASE = Pattern.compile(
            "^\\s*" + COMMENT + ".*?(rest of (the )?(code|file|content|html|styles|functions?|component)"
                    + "|(remains?|stays?|is|are) (the same|unchanged)|existing (code|content|styles|functions?|logic)"
                    + "|unchanged (code|content)|same as (before|above)|previous (code|content|implementation)"
                    + "|keep (the )?(existing|rest)|\\.\\.\\.\\s*(other|more|existing|remaining)"
                    + "|(code|content|implementation) (goes )?here)",
            Pattern.CASE_INSENSITIVE);

    private Elision() {}

    /** The first placeholder line in {@code written} that {@code original} did not contain. */
    static Optional<String> find(String written, String original) {
        Set<String> known = new HashSet<>();
        if (original != null) {
            original.lines().map(String::strip).forEach(known::add);
        }
        return written.lines()
                .filter(line -> DOTS_ONLY.matcher(line).matches()
                        || PHRASE.matcher(line).find())
                .filter(line -> !known.contains(line.strip()))
                .map(String::strip)
                .findFirst();
    }
}
