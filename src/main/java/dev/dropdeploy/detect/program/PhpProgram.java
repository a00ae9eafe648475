package dev.dropdeploy.detect.program;

import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PHP script's inputs: {@code $argv} becomes a free arguments line, {@code readline("...")} and an {@code echo}
 * before {@code fgets(STDIN)} prompts, other reads of standard input the input box.
 */
final class PhpProgram {

    private static final Pattern LEADING_COMMENT =
            Pattern.compile("\\A\\s*<\\?php\\s*(?:/\\*\\*?(.*?)\\*/|((?:\\s*(?://|#)[^\\n]*\\n)+))", Pattern.DOTALL);
    private static final Pattern READLINE = Pattern.compile("\\breadline\\s*\\(");
    private static final Pattern PROMPTED_READ = Pattern.compile(
            "(?:echo|print)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')\\s*;\\s*(?:\\$\\w+\\s*=\\s*)?"
                    + "(?:\\(\\w+\\)\\s*)?(?:trim\\s*\\(\\s*)?(?:fgets|fscanf|stream_get_line)\\s*\\(\\s*STDIN");
    private static final Pattern STDIN = Pattern.compile("\\bSTDIN\\b|php://stdin");

    private static final ArgumentUse ARGUMENTS = new ArgumentUse(
            Pattern.compile("\\$argv\\b"),
            Pattern.compile("\\$argv\\[\\s*1\\s*](?!\\s*\\?\\?)"),
            Pattern.compile("\\$argc|count\\(\\s*\\$argv\\s*\\)|isset\\(\\s*\\$argv"),
            Pattern.compile("(?:file_get_contents|fopen|file)\\s*\\(\\s*\\$argv\\[\\s*\\d\\s*]"));

    private PhpProgram() {}

    static void read(String text, FormDraft draft) {
        Matcher comment = LEADING_COMMENT.matcher(text);
        if (comment.find()) {
            String body = comment.group(1) != null ? comment.group(1) : comment.group(2);
            draft.summary = FormDraft.paragraph(body.replaceAll("(?m)^\\s*(//|#|\\*)\\s?", ""));
        }
        ARGUMENTS.apply(text, draft);
        // Both kinds of prompt, in the order the script asks them.
        TreeMap<Integer, String> prompts = new TreeMap<>();
        Matcher readline = READLINE.matcher(text);
        while (readline.find()) {
            prompts.put(
                    readline.start(), CallArguments.at(text, readline.end() - 1).string(0));
        }
        Matcher prompted = PROMPTED_READ.matcher(text);
        while (prompted.find()) {
            prompts.put(prompted.start(), Literals.string(prompted.group(1)));
        }
        prompts.values().forEach(draft::prompt);
        draft.stdin |= STDIN.matcher(text).find() && draft.prompts.isEmpty();
    }
}
