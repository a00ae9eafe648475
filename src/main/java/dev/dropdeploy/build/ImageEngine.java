package dev.dropdeploy.build;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The few things builds need from a container engine; the docker-java details stay behind it. */
interface ImageEngine {

    /**
     * Builds from a tar stream whose root holds the Dockerfile.
     *
     * @param output receives every line the build prints, as it prints it
     * @return the image id
     * @throws BuildFailure when a step fails, the timeout passes or the engine goes away
     */
    /** @param network where {@code RUN} steps run, or {@code null} for the engine's default bridge */
    String build(
            InputStream context,
            String tag,
            Map<String, String> labels,
            String network,
            Duration timeout,
            Consumer<String> output);

    boolean exists(String imageReference);

    /** Tags of images carrying {@code label=value}. */
    List<String> tagsWithLabel(String label, String value);

    /** Bytes of the images carrying {@code label}, summed by the label's value (base layers counted per image). */
    Map<String, Long> sizesByLabel(String label);

    /** Removes an image by tag; an image still used by a container stays (the engine refuses, we move on). */
    void removeQuietly(String tag);

    /** Where the engine keeps images on this host, or {@code null} when unknown. */
    java.nio.file.Path imageDirectory();

    /** Removes dangling images and the build cache; returns the bytes reclaimed. */
    long pruneLeftovers();
}
