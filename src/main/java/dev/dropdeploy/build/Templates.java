package dev.dropdeploy.build;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Mustache templates in {@code templates/}, read on every use so an edited template applies at once. */
final class Templates {

    private final Path folder;
    private final Mustache.Compiler compiler;

    Templates(Path folder) {
        this.folder = folder;
        // Missing keys still fail (a typo in a template must not render silently); null renders as nothing.
        this.compiler = Mustache.compiler()
                .withEscaper(Templates::oneLine)
                .nullValue("")
                .emptyStringIsFalse(true)
                .withLoader(name -> Files.newBufferedReader(file(name + ".mustache")));
    }

    String render(String name, Object model) {
        try (var reader = Files.newBufferedReader(file(name + ".mustache"))) {
            return compiler.compile(reader).execute(model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + name + " in " + folder.toAbsolutePath(), e);
        }
    }

    /**
     * Every value goes into one line of a Dockerfile (or .dockerignore), and many come from the project: a folder
     * named {@code "web\nFROM other-tenant/app"} would otherwise add instructions of its own choosing, past every check
     * an own Dockerfile gets; a trailing backslash would join the template's next line to it. Such a value stops the
     * build with its name; nothing else is escaped.
     */
    static String oneLine(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t')
                    || c == 0x7f
                    || (c == '\\' && value.substring(i + 1).isBlank())) {
                String shown = value.replaceAll("[\\p{Cntrl}&&[^\t]]", "⏎");
                throw new BuildFailure(
                        "A file or folder name the build would use contains a line break or another control character, or ends"
                                + " with a backslash that would continue the line (\""
                                + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown)
                                + "\"): rename it and deploy again",
                        null,
                        java.util.List.of());
            }
        }
        return value;
    }

    /** A file shipped next to the templates (for example a Caddyfile); it must exist. */
    Path file(String relative) {
        Path file = folder.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing template file " + file.toAbsolutePath());
        }
        return file;
    }
}
