package dev.dropdeploy.detect.program;

import dev.dropdeploy.detect.RunForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A run form being read from code; each language's reader fills one in, and {@link #form} decides the rest. */
final class FormDraft {

    private static final int MAX_PROMPTS = 20;
    private static final int MAX_FIELDS = 40;

    final String language;
    String name;
    String summary = "";
    final List<RunForm.Field> fields = new ArrayList<>();
    final List<String> prompts = new ArrayList<>();
    boolean freeArguments;
    boolean stdin;
    boolean upload;
    /** The program fails without arguments it reads itself ({@code sys.argv[1]} with no check of their number). */
    boolean needsArguments;

    FormDraft(String language, String name) {
        this.language = language;
        this.name = name;
    }

    void field(
            String name,
            String flag,
            String kind,
            String defaultValue,
            String help,
            boolean required,
            List<String> choices) {
        if (fields.size() >= MAX_FIELDS
                || fields.stream().anyMatch(f -> f.name().equals(name))) {
            return;
        }
        String value = defaultValue == null ? "" : defaultValue;
        String text = help == null ? "" : help.replace("%(default)s", value).strip();
        String chosen = choices.isEmpty() ? kind : "choice";
        fields.add(
                new RunForm.Field(name, flag, label(name), chosen, value, text, required && value.isEmpty(), choices));
    }

    void prompt(String prompt) {
        if (prompts.size() < MAX_PROMPTS) {
            prompts.add(prompt == null || prompt.isBlank() ? "Input line " + (prompts.size() + 1) : prompt.strip());
        }
    }

    /** Marks the field of that name as a file the program opens (its value becomes an uploaded file's name). */
    void fileField(String name) {
        fields.replaceAll(f -> f.name().equals(name)
                ? new RunForm.Field(f.name(), f.flag(), f.label(), "file", "", f.help(), f.required(), List.of())
                : f);
    }

    RunForm form() {
        boolean required = fields.stream().anyMatch(RunForm.Field::required);
        boolean autoRun = !required && !needsArguments && !upload && !stdin && prompts.isEmpty();
        return new RunForm(
                name,
                summary.strip(),
                language,
                List.copyOf(fields),
                freeArguments,
                stdin || !prompts.isEmpty(),
                List.copyOf(prompts),
                upload,
                autoRun);
    }

    /** {@code max_rate} or {@code maxRate} reads as "Max rate". */
    static String label(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("[_\\-]+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The first paragraph of a docstring or comment block, at most a few sentences. */
    static String paragraph(String text) {
        if (text == null) {
            return "";
        }
        String first = text.strip()
                .split("\\n\\s*\\n", 2)[0]
                .replaceAll("\\s*\\n\\s*", " ")
                .strip();
        return first.length() > 300 ? first.substring(0, 297) + "…" : first;
    }
}
