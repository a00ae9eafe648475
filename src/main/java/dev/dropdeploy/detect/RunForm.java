package dev.dropdeploy.detect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the run page of a program that does not serve HTTP asks for, as read from the program's code: its command-line
 * fields, whether it reads standard input and with which prompts, and whether it needs nothing (then the page runs it
 * as soon as it opens). Written into the image as the runner's {@code run.json}.
 *
 * @param name what the page calls the program: its parser's {@code prog}, its package name or its file name
 * @param summary one or two sentences from the program's description, docstring or leading comment; may be empty
 * @param language {@code python}, {@code node}, {@code java}, {@code go} or {@code php}
 * @param fields the command-line arguments read from an argument parser, in the program's order
 * @param freeArguments whether the page offers a free arguments line (the program reads its arguments itself)
 * @param stdin whether the program reads standard input
 * @param prompts the prompts it writes before reading each line, in order, where they could be read
 * @param upload whether it reads a file named on its command line; the page's upload goes there
 * @param autoRun whether it runs with no input at all, so the page shows a run's output as it opens
 */
public record RunForm(
        String name,
        String summary,
        String language,
        List<Field> fields,
        boolean freeArguments,
        boolean stdin,
        List<String> prompts,
        boolean upload,
        boolean autoRun) {

    /** The form of a program whose code was not read: every way in stays open, and nothing runs by itself. */
    public static RunForm askingForEverything(String name, String language) {
        return new RunForm(name, "", language, List.of(), true, true, List.of(), false, false);
    }

    /**
     * One command-line argument.
     *
     * @param flag the option's flag ({@code --rate}); empty for a positional argument
     * @param kind {@code text}, {@code number}, {@code integer}, {@code switch} (a flag that takes no value), {@code
     *     file} or {@code choice}
     * @param defaultValue the default as text ({@code "true"}/{@code "false"} for a switch); empty when none
     */
    public record Field(
            String name,
            String flag,
            String label,
            String kind,
            @JsonProperty("default") String defaultValue,
            String help,
            boolean required,
            List<String> choices) {}
}
