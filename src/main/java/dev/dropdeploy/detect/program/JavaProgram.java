package dev.dropdeploy.detect.program;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Java program's inputs: {@code args} becomes a free arguments line, a {@code Scanner} or reader on {@code
 * System.in} the input box, and the text printed just before each read a prompt.
 */
final class JavaProgram {

    private static final Pattern JAVADOC =
            Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@\\w+\\s*)*(?:public\\s+)?(?:final\\s+)?class", Pattern.DOTALL);
    private static final Pattern STDIN = Pattern.compile("System\\.in\\b|System\\.console\\(\\)");
    private static final Pattern PROMPTED_READ = Pattern.compile(
            "System\\.out\\.print(?:ln|f)?\\s*\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\")[^;]*\\)\\s*;\\s*(?://[^\\n]*\\s*)*"
                    + "(?:[\\w<>\\[\\]]+\\s+)?(?:\\w+\\s*=\\s*)?(?:\\w+\\.parse\\w+\\()?\\s*\\w+\\.(?:next\\w*|readLine)\\s*\\(");
    private static final Pattern READ =
            Pattern.compile("\\.(?:next(?:Line|Int|Double|Long|Float|Boolean|BigDecimal)?|readLine)\\s*\\(\\s*\\)");

    private static final ArgumentUse ARGUMENTS = new ArgumentUse(
            Pattern.compile("\\bargs\\s*\\[|\\bargs\\.length|Arrays\\.\\w+\\(\\s*args\\b|\\(\\s*args\\s*\\)"),
            Pattern.compile("\\bargs\\s*\\[\\s*0\\s*]"),
            Pattern.compile("\\bargs\\.length"),
            Pattern.compile("(?:new\\s+File(?:Reader|InputStream)?|Path\\.of|Paths\\.get)\\s*\\(\\s*args\\s*\\["));

    private JavaProgram() {}

    static void read(String text, FormDraft draft) {
        Matcher doc = JAVADOC.matcher(text);
        if (doc.find()) {
            draft.summary = FormDraft.paragraph(
                    doc.group(1).replaceAll("(?m)^\\s*\\*\\s?", "").replaceAll("<[^>]+>", ""));
        }
        ARGUMENTS.apply(text, draft);
        if (!STDIN.matcher(text).find()) {
            return;
        }
        Matcher prompted = PROMPTED_READ.matcher(text);
        int prompts = 0;
        while (prompted.find()) {
            draft.prompt(Literals.string(prompted.group(1)));
            prompts++;
        }
        Matcher read = READ.matcher(text);
        int reads = 0;
        while (read.find()) {
            reads++;
        }
        // Reads without a prompt before them (or in a loop) still take input: the free box gets it.
        draft.stdin = reads > prompts || prompts == 0;
    }
}
