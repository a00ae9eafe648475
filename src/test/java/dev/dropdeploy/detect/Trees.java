package dev.dropdeploy.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes small source trees for tests. */
public final class Trees {

    private Trees() {}

    public static Path write(Path root, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = root.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DetectionReport detect(Path root, Map<String, String> files) {
        return new StackDetector().detect(write(root, files));
    }
}
