package dev.dropdeploy.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixture corpus under src/test/resources/fixtures, copied out without its expected.json. */
final class Fixtures {

    static final Path ROOT = Path.of("src/test/resources/fixtures");

    private Fixtures() {}

    static List<String> names() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture into {@code target}, leaving out expected.json so that it cannot sway detection. */
    static Path copy(String name, Path target) {
        Path source = ROOT.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path rel = source.relativize(file);
                if (rel.toString().equals("expected.json")) {
                    continue;
                }
                Path dest = target.resolve(rel.toString());
                Files.createDirectories(dest.getParent());
                Files.copy(file, dest);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path fixture(String name, Path tempDir) {
        return copy(name, tempDir.resolve(name));
    }
}
