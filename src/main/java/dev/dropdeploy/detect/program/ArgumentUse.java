package dev.dropdeploy.detect.program;

import java.util.regex.Pattern;

/**
 * How a language's program reads its own command line ({@code sys.argv}, {@code process.argv}, {@code args}, {@code
 * os.Args}, {@code $argv}): any use gives the page a free arguments line; reading the first argument with no check of
 * how many there are means it cannot run without one; opening a file named there asks for an upload.
 */
record ArgumentUse(Pattern used, Pattern firstRead, Pattern countChecked, Pattern fileOpened) {

    void apply(String text, FormDraft draft) {
        if (!used.matcher(text).find()) {
            return;
        }
        draft.freeArguments = true;
        draft.needsArguments =
                firstRead.matcher(text).find() && !countChecked.matcher(text).find();
        draft.upload = fileOpened.matcher(text).find();
    }
}
