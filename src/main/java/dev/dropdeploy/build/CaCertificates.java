package dev.dropdeploy.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The configured extra CA certificates, as build-context files under {@code .dropdeploy/ca/}. */
final class CaCertificates {

    static final String CONTEXT_FOLDER = ".dropdeploy/ca/";

    private CaCertificates() {}

    /** Empty when the folder is unset, missing or holds no {@code *.crt} file: the templates then omit the CA lines. */
    static Map<String, Path> in(Path folder) {
        Map<String, Path> files = new LinkedHashMap<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".crt"))
                    .sorted()
                    .forEach(file -> files.put(CONTEXT_FOLDER + file.getFileName(), file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the CA certificates in " + folder, e);
        }
        return files;
    }
}
