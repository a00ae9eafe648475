package dev.dropdeploy.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every image DropDeploy uses, by logical name, read from the one catalog file that the shell scripts read too.
 * Resolution prefers the production image when the engine has it and falls back to the offline tag.
 */
public final class ImageCatalog {

    private final Map<String, CatalogImage> images;

    private ImageCatalog(Map<String, CatalogImage> images) {
        this.images = images;
    }

    public static ImageCatalog load(Path file) {
        try {
            return parse(Files.readAllLines(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image catalog " + file, e);
        }
    }

    static ImageCatalog parse(List<String> lines, String source) {
        Map<String, CatalogImage> images = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException(
                        "%s:%d: expected 4 columns (name, production, offline, recipe), got %d"
                                .formatted(source, i + 1, fields.length));
            }
            CatalogImage image = new CatalogImage(fields[0], fields[1], fields[2], fields[3]);
            if (images.putIfAbsent(image.name(), image) != null) {
                throw new IllegalArgumentException("%s:%d: %s is listed twice".formatted(source, i + 1, image.name()));
            }
        }
        return new ImageCatalog(Map.copyOf(images));
    }

    public CatalogImage get(String name) {
        CatalogImage image = images.get(name);
        if (image == null) {
            throw new IllegalArgumentException("No image named " + name + " in the catalog; known: " + images.keySet());
        }
        return image;
    }

    /**
     * The image reference to run or build from.
     *
     * @param presentLocally whether the engine already holds an image reference
     * @throws IllegalStateException when neither is present, naming the command that builds it
     */
    public String resolve(String name, Predicate<String> presentLocally) {
        CatalogImage image = get(name);
        if (presentLocally.test(image.production())) {
            return image.production();
        }
        if (presentLocally.test(image.offline())) {
            return image.offline();
        }
        throw new IllegalStateException("Neither %s nor %s is in the Docker engine; run: scripts/images.sh ensure %s"
                .formatted(image.production(), image.offline(), name));
    }
}
