package dev.dropdeploy.chat.turn;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests the chat answers itself, without the model: "undo", "go back to version 2". */
final class Commands {

    /** The version before the live one. */
    static final int PREVIOUS = -1;

    private static final Pattern UNDO = Pattern.compile(
            "^(please\\s+)?(undo|revert|roll\\s*back|go\\s+back)(\\s+(that|this|it|the\\s+last\\s+(change|edit|turn)))?"
                    + "\\s*(please)?[.!]*$");
    private static final Pattern VERSION = Pattern.compile(
            "^(please\\s+)?(go|roll|revert|switch|return)(\\s+back)?\\s+to\\s+(version|v)\\s*(\\d{1,6})[.!]*$");

    private Commands() {}

    /** The version to go back to ({@link #PREVIOUS} for an undo), or empty when the text is a request for the model. */
    static OptionalInt rollbackTarget(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (UNDO.matcher(t).matches()) {
            return OptionalInt.of(PREVIOUS);
        }
        Matcher version = VERSION.matcher(t);
        return version.matches() ? OptionalInt.of(Integer.parseInt(version.group(5))) : OptionalInt.empty();
    }
}
