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
                .escapeHTML(false)
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

    /** A file shipped next to the templates (for example a Caddyfile); it must exist. */
    Path file(String relative) {
        Path file = folder.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing template file " + file.toAbsolutePath());
        }
        return file;
    }
}
