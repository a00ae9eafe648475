package dev.dropdeploy.workspace.environment;

import java.util.Set;
import java.util.regex.Pattern;

/** Which names and values an owner may set. */
final class VariableNames {

    private static final Pattern POSIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** DropDeploy sets these itself (the port the app must listen on, the container user's home). */
    private static final Set<String> RESERVED = Set.of("PORT", "HOME");

    static final int MAX_VALUE_LENGTH = 32 * 1024;

    private VariableNames() {}

    static String checkName(String name) {
        if (name == null || !POSIX.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "A variable name starts with a letter or _ and holds only letters, digits and _ (at most 128)");
        }
        if (RESERVED.contains(name.toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException(name + " is set by DropDeploy and cannot be changed");
        }
        return name;
    }

    static String checkValue(String value) {
        if (value == null) {
            throw new IllegalArgumentException("A variable needs a value (it may be empty)");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("A value may be at most " + MAX_VALUE_LENGTH + " characters long");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A value cannot contain a NUL character");
        }
        return value;
    }
}
