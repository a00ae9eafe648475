package dev.dropdeploy.detect.program;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Python program's inputs: {@code argparse}, {@code click} and {@code typer} arguments become fields, {@code
 * sys.argv} a free arguments line, {@code input()} prompts and {@code sys.stdin} the standard-input box.
 */
final class PythonProgram {

    private static final Pattern DOCSTRING =
            Pattern.compile("\\A(?:\\s*#[^\\n]*\\n|\\s+)*[rRuU]?(\"\"\"|''')(.*?)\\1", Pattern.DOTALL);
    private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(?:#![^\\n]*\\n)?((?:\\s*#[^\\n]*\\n)+)");
    private static final Pattern PARSER = Pattern.compile("ArgumentParser\\s*\\(");
    private static final Pattern ADD_ARGUMENT = Pattern.compile("\\.add_argument\\s*\\(");
    private static final Pattern CLICK = Pattern.compile("@click\\.(option|argument)\\s*\\(");
    private static final Pattern TYPER_RUN = Pattern.compile("typer\\.run\\(\\s*(\\w+)\\s*\\)");
    private static final Pattern TYPER_COMMAND =
            Pattern.compile("@\\w+\\.command\\([^)]*\\)\\s*\\n\\s*def\\s+\\w+\\s*\\(");
    private static final Pattern INPUT = Pattern.compile("(?<![\\w.])input\\s*\\(");
    private static final Pattern STDIN = Pattern.compile("sys\\.stdin\\b|fileinput\\.input\\(");
    private static final Pattern TYPED_PARAMETER =
            Pattern.compile("^\\*{0,2}(\\w+)\\s*(?::\\s*([^=]+?))?\\s*(?:=\\s*(.+))?$", Pattern.DOTALL);

    private static final ArgumentUse ARGUMENTS = new ArgumentUse(
            Pattern.compile("sys\\.argv\\b"),
            Pattern.compile("sys\\.argv\\[\\s*1\\s*]"),
            Pattern.compile("len\\(\\s*sys\\.argv\\s*\\)|except\\s+IndexError"),
            Pattern.compile("(?:open|read_\\w+|Path|load|loadtxt)\\s*\\(\\s*sys\\.argv\\[\\s*\\d+\\s*]"));

    private PythonProgram() {}

    static void read(String text, FormDraft draft) {
        summary(text, draft);
        boolean parsed = argparse(text, draft) | click(text, draft) | typer(text, draft);
        if (!parsed) {
            ARGUMENTS.apply(text, draft);
        }
        Matcher input = INPUT.matcher(text);
        while (input.find()) {
            CallArguments call = CallArguments.at(text, input.end() - 1);
            draft.prompt(call.string(0));
        }
        draft.stdin |= STDIN.matcher(text).find();
    }

    private static void summary(String text, FormDraft draft) {
        Matcher doc = DOCSTRING.matcher(text);
        if (doc.find()) {
            draft.summary = FormDraft.paragraph(doc.group(2));
            return;
        }
        Matcher comments = LEADING_COMMENTS.matcher(text);
        if (comments.find()) {
            String plain = comments.group(1).replaceAll("(?m)^\\s*#\\s?", "");
            draft.summary = FormDraft.paragraph(plain.replaceAll("(?m)^.*coding[:=].*$", ""));
        }
    }

    private static boolean argparse(String text, FormDraft draft) {
        Matcher parser = PARSER.matcher(text);
        if (!parser.find()) {
            return false;
        }
        CallArguments created = CallArguments.at(text, parser.end() - 1);
        String description = Literals.string(created.named("description"));
        if (description != null && !description.isBlank()) {
            draft.summary = FormDraft.paragraph(description);
        }
        String prog = Literals.string(created.named("prog"));
        if (prog != null && !prog.isBlank()) {
            draft.name = prog;
        }
        Matcher add = ADD_ARGUMENT.matcher(text);
        while (add.find()) {
            argument(CallArguments.at(text, add.end() - 1), draft);
        }
        Matcher opened = Pattern.compile("open\\s*\\(\\s*\\w+\\.(\\w+)").matcher(text);
        while (opened.find()) {
            draft.fileField(opened.group(1));
        }
        return true;
    }

    /** One {@code add_argument} or {@code click} decorator: its flags, then its keywords. */
    private static void argument(CallArguments call, FormDraft draft) {
        String flag = null;
        String positional = null;
        boolean onOff = false;
        for (int i = 0; i < call.positional().size(); i++) {
            String value = call.string(i);
            if (value == null) {
                continue;
            }
            String first = value.split("/", 2)[0].strip();
            onOff |= first.startsWith("-") && value.contains("/");
            if (first.startsWith("--") || (first.startsWith("-") && flag == null)) {
                flag = flag == null || first.startsWith("--") && !flag.startsWith("--") ? first : flag;
            } else if (!first.startsWith("-") && positional == null) {
                positional = first;
            }
        }
        if ("-h".equals(flag) || "--help".equals(flag) || "--version".equals(flag)) {
            return;
        }
        String action = Literals.string(call.named("action"));
        if ("help".equals(action) || "version".equals(action)) {
            return;
        }
        String dest = Literals.string(call.named("dest"));
        String name =
                dest != null ? dest : flag != null && positional == null ? flag.replaceFirst("^-+", "") : positional;
        if (name == null || name.isBlank()) {
            return;
        }
        name = name.replace('-', '_');
        String type = call.named("type") == null ? "" : call.named("type");
        String defaultValue = Literals.value(call.named("default"));
        boolean isFlag = "store_true".equals(action)
                || "count".equals(action)
                || "True".equals(call.named("is_flag"))
                || "store_false".equals(action)
                || onOff;
        String kind = isFlag ? "switch" : kind(type);
        if (isFlag) {
            defaultValue = "store_false".equals(action) ? "true" : defaultValue == null ? "false" : defaultValue;
        }
        String nargs = Literals.string(call.named("nargs"));
        boolean optionalNargs = "?".equals(nargs) || "*".equals(nargs);
        boolean required = flag == null
                ? !optionalNargs && !"False".equals(call.named("required"))
                : "True".equals(call.named("required"));
        List<String> choices = Literals.strings(type.contains("Choice(") ? type : call.named("choices"));
        draft.field(
                name,
                flag == null ? "" : flag,
                kind,
                defaultValue,
                Literals.string(call.named("help")),
                required,
                choices);
    }

    private static String kind(String type) {
        if (type.matches("int|click\\.INT|click\\.IntRange\\(.*")) {
            return "integer";
        }
        if (type.matches("float|click\\.FLOAT|click\\.FloatRange\\(.*")) {
            return "number";
        }
        return type.matches("(argparse\\.)?FileType\\(.*|open|click\\.(File|Path)\\(.*|pathlib\\.Path|Path")
                ? "file"
                : "text";
    }

    private static boolean click(String text, FormDraft draft) {
        Matcher decorator = CLICK.matcher(text);
        boolean found = false;
        while (decorator.find()) {
            found = true;
            CallArguments call = CallArguments.at(text, decorator.end() - 1);
            if (decorator.group(1).equals("argument")
                    && call.named("required") == null
                    && call.named("default") != null) {
                call.named().put("required", "False");
            }
            argument(call, draft);
        }
        return found;
    }

    /** {@code typer}: the command function's parameters; one without a default is a positional argument. */
    private static boolean typer(String text, FormDraft draft) {
        int open = typerFunction(text);
        if (open < 0) {
            return false;
        }
        for (String parameter : CallArguments.at(text, open).positional()) {
            Matcher p = TYPED_PARAMETER.matcher(parameter.strip());
            if (!p.matches() || p.group(1).equals("self")) {
                continue;
            }
            typerParameter(p.group(1), p.group(2) == null ? "" : p.group(2).strip(), p.group(3), draft);
        }
        return true;
    }

    private static void typerParameter(String name, String type, String rawDefault, FormDraft draft) {
        String help = null;
        String value = rawDefault;
        boolean option = rawDefault != null;
        if (rawDefault != null && rawDefault.matches("(?s)typer\\.(Option|Argument)\\(.*")) {
            CallArguments inner = CallArguments.at(rawDefault, rawDefault.indexOf('('));
            help = Literals.string(inner.named("help"));
            option = rawDefault.startsWith("typer.Option");
            value = inner.positional().isEmpty()
                    ? inner.named("default")
                    : inner.positional().getFirst();
            if ("...".equals(value)) {
                value = null;
            }
        }
        String defaultValue = Literals.value(value);
        boolean bool = type.equals("bool");
        String dashed = "--" + name.replace('_', '-');
        String flag = !option ? "" : bool && "true".equals(defaultValue) ? "--no-" + name.replace('_', '-') : dashed;
        String kind = bool ? "switch" : kind(type.equals("int") ? "int" : type.equals("float") ? "float" : type);
        draft.field(
                name,
                flag,
                kind,
                bool && defaultValue == null ? "false" : defaultValue,
                help,
                !option || value == null,
                List.of());
    }

    private static int typerFunction(String text) {
        Matcher run = TYPER_RUN.matcher(text);
        if (run.find()) {
            Matcher def = Pattern.compile("def\\s+" + Pattern.quote(run.group(1)) + "\\s*\\(")
                    .matcher(text);
            return def.find() ? def.end() - 1 : -1;
        }
        Matcher command = TYPER_COMMAND.matcher(text);
        return text.contains("typer") && command.find() ? command.end() - 1 : -1;
    }
}
