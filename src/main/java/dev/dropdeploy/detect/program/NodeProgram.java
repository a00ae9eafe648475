package dev.dropdeploy.detect.program;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Node.js program's inputs: {@code commander} options and arguments become fields, {@code process.argv} a free
 * arguments line, {@code readline} questions and {@code prompt()} calls prompts, {@code process.stdin} the input box.
 */
final class NodeProgram {

    private static final Pattern LEADING_COMMENT =
            Pattern.compile("\\A(?:#![^\\n]*\\n)?\\s*(?:/\\*\\*?(.*?)\\*/|((?:\\s*//[^\\n]*\\n)+))", Pattern.DOTALL);
    private static final Pattern COMMANDER = Pattern.compile("\\.(option|requiredOption|argument)\\s*\\(");
    private static final Pattern DESCRIPTION = Pattern.compile("\\.description\\s*\\(");
    private static final Pattern QUESTION = Pattern.compile("(?:\\.question|(?<![\\w.])prompt)\\s*\\(");
    private static final Pattern STDIN =
            Pattern.compile("process\\.stdin|readline|/dev/stdin|readFileSync\\(\\s*0\\s*[,)]");
    private static final Pattern OPTION_FLAGS = Pattern.compile("(-\\w)?[ ,|]*(--[\\w-]+)?\\s*([<\\[][^>\\]]*[>\\]])?");

    private static final ArgumentUse ARGUMENTS = new ArgumentUse(
            Pattern.compile("process\\.argv|yargs|minimist|parseArgs\\s*\\("),
            Pattern.compile("process\\.argv\\[\\s*2\\s*](?!\\s*(\\|\\||\\?\\?))"),
            Pattern.compile("process\\.argv\\.length|argv\\.slice\\(\\s*2\\s*\\)"),
            Pattern.compile("(?:readFileSync|readFile|createReadStream)\\s*\\(\\s*process\\.argv\\[\\s*\\d\\s*]"));

    private NodeProgram() {}

    static void read(String text, FormDraft draft) {
        Matcher comment = LEADING_COMMENT.matcher(text);
        if (comment.find()) {
            String body = comment.group(1) != null ? comment.group(1) : comment.group(2);
            draft.summary = FormDraft.paragraph(body.replaceAll("(?m)^\\s*(//|\\*)\\s?", ""));
        }
        boolean commander = commander(text, draft);
        if (!commander) {
            ARGUMENTS.apply(text, draft);
        }
        Matcher question = QUESTION.matcher(text);
        while (question.find()) {
            draft.prompt(CallArguments.at(text, question.end() - 1).string(0));
        }
        draft.stdin |= STDIN.matcher(text).find() && draft.prompts.isEmpty();
    }

    private static boolean commander(String text, FormDraft draft) {
        if (!text.contains("commander")) {
            return false;
        }
        Matcher description = DESCRIPTION.matcher(text);
        if (description.find()) {
            String value = CallArguments.at(text, description.end() - 1).string(0);
            draft.summary = value == null ? draft.summary : FormDraft.paragraph(value);
        }
        Matcher call = COMMANDER.matcher(text);
        while (call.find()) {
            CallArguments arguments = CallArguments.at(text, call.end() - 1);
            String spec = arguments.string(0);
            if (spec != null) {
                field(call.group(1), spec, arguments, draft);
            }
        }
        return true;
    }

    /** {@code .option("-n, --name <value>", "help", "default")} or {@code .argument("<file>", "help")}. */
    private static void field(String method, String spec, CallArguments arguments, FormDraft draft) {
        String help = arguments.string(1);
        String defaultValue = arguments.positional().size() > 2
                ? Literals.value(arguments.positional().get(2))
                : null;
        if (method.equals("argument")) {
            String name = spec.replaceAll("[<>\\[\\].]", "").strip();
            draft.field(name, "", "text", defaultValue, help, spec.startsWith("<"), List.of());
            return;
        }
        Matcher flags = OPTION_FLAGS.matcher(spec.strip());
        if (!flags.lookingAt() || (flags.group(1) == null && flags.group(2) == null)) {
            return;
        }
        String flag = flags.group(2) != null ? flags.group(2) : flags.group(1);
        boolean takesValue = flags.group(3) != null;
        String name = flag.replaceFirst("^-+", "").replaceFirst("^no-", "");
        if (!takesValue) {
            boolean negated = flag.startsWith("--no-");
            draft.field(name, flag, "switch", negated ? "true" : "false", help, false, List.of());
            return;
        }
        draft.field(name, flag, "text", defaultValue, help, method.equals("requiredOption"), List.of());
    }
}
