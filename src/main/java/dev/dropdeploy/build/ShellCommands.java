package dev.dropdeploy.build;

import java.util.regex.Pattern;

/** What the generated Dockerfiles need to know about a command line taken from the app's own files. */
final class ShellCommands {

    private static final Pattern OPERATORS = Pattern.compile("&&|\\|\\||[;|&<>`]|\\$\\(");

    private ShellCommands() {}

    /** Whether the command is more than one program with its arguments (a list, pipe, redirect or substitution). */
    static boolean compound(String command) {
        return OPERATORS.matcher(command).find();
    }
}
