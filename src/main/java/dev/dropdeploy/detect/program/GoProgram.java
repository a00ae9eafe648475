package dev.dropdeploy.detect.program;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Go program's inputs: the {@code flag} package's flags become fields, {@code os.Args} and {@code flag.Args}
 * a free arguments line, reads of {@code os.Stdin} the input box with the text printed before each read as a prompt.
 */
final class GoProgram {

    private static final Pattern PACKAGE_DOC =
            Pattern.compile("((?:^//[^\\n]*\\n)+)package\\s+main", Pattern.MULTILINE);
    private static final Pattern FLAG =
            Pattern.compile("flag\\.(String|Int|Int64|Uint|Float64|Bool|Duration)(Var)?\\s*\\(");
    private static final Pattern STDIN = Pattern.compile("os\\.Stdin|fmt\\.Scan");
    private static final Pattern PROMPTED_READ = Pattern.compile(
            "fmt\\.Print(?:f|ln)?\\s*\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)[^\\n]*\\n\\s*(?:\\w+(?:\\s*,\\s*\\w+)*\\s*:?=\\s*)?"
                    + "(?:\\w+\\.(?:ReadString|ReadLine|Scan|Text)|fmt\\.Scan\\w*)\\s*\\(");

    private static final ArgumentUse ARGUMENTS = new ArgumentUse(
            Pattern.compile("os\\.Args|flag\\.Args\\(\\)|flag\\.Arg\\(|flag\\.NArg\\(\\)"),
            Pattern.compile("os\\.Args\\[\\s*1\\s*]|flag\\.Arg\\(\\s*0\\s*\\)"),
            Pattern.compile("len\\(\\s*os\\.Args\\s*\\)|flag\\.NArg\\(\\)"),
            Pattern.compile(
                    "os\\.(?:Open|ReadFile)\\s*\\(\\s*(?:os\\.Args\\[\\s*\\d\\s*]|flag\\.Arg\\(\\s*\\d\\s*\\))"));

    private GoProgram() {}

    static void read(String text, FormDraft draft) {
        Matcher doc = PACKAGE_DOC.matcher(text);
        if (doc.find()) {
            draft.summary = FormDraft.paragraph(doc.group(1).replaceAll("(?m)^//\\s?", ""));
        }
        Matcher flag = FLAG.matcher(text);
        while (flag.find()) {
            CallArguments call = CallArguments.at(text, flag.end() - 1);
            int offset = flag.group(2) != null ? 1 : 0;
            String name = call.string(offset);
            if (name == null) {
                continue;
            }
            String type = flag.group(1);
            String defaultValue = call.positional().size() > offset + 1
                    ? Literals.value(call.positional().get(offset + 1))
                    : null;
            String kind = type.equals("Bool")
                    ? "switch"
                    : type.startsWith("Int") || type.equals("Uint")
                            ? "integer"
                            : type.equals("Float64") ? "number" : "text";
            String flagText = type.equals("Bool") && "true".equals(defaultValue) ? "-" + name + "=false" : "-" + name;
            draft.field(name, flagText, kind, defaultValue, call.string(offset + 2), false, List.of());
        }
        ARGUMENTS.apply(text, draft);
        if (STDIN.matcher(text).find()) {
            Matcher prompted = PROMPTED_READ.matcher(text);
            while (prompted.find()) {
                draft.prompt(Literals.string(prompted.group(1)));
            }
            draft.stdin = draft.prompts.isEmpty();
        }
    }
}
