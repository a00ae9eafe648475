package dev.dropdeploy.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** The build module's entry point for images: build one through the queue, prune old ones. */
@Service
public class ImageBuilds {

    static final String PROJECT_LABEL = "dropdeploy.project";

    private final ImageEngine engine;
    private final BuildQueue queue;
    private final BuildLimits limits;
    private final DiskGuard disk;

    ImageBuilds(ImageEngine engine, BuildQueue queue, BuildLimits limits, DiskGuard disk) {
        this.engine = engine;
        this.queue = queue;
        this.limits = limits;
        this.disk = disk;
    }

    /**
     * Builds the image, waiting for a place in the build queue first. Blocks until the image exists.
     *
     * @param output every build output line, as it is printed, after a line naming the secret files left out
     * @throws BuildFailure with the failing step and its last lines
     */
    public BuiltImage build(BuildRequest request, Consumer<String> output) {
        disk.checkRoomForABuild();
        return queue.run(request.projectSlug(), () -> {
            disk.checkRoomForABuild(); // the wait in the queue may have been long
            return buildNow(request, output);
        });
    }

    /** Whether an image built earlier still exists, so a rollback can reuse it. */
    public boolean exists(String tag) {
        return engine.exists(tag);
    }

    /**
     * Removes the project's images except the given tags, and their other names; images in use by a container are left
     * alone.
     */
    public void prune(String projectSlug, Set<String> keep) {
        engine.tagsWithLabel(PROJECT_LABEL, projectSlug).stream()
                .filter(tag -> !keep.contains(localName(tag)))
                .forEach(engine::removeQuietly);
    }

    /** The tags of a project's images, newest version first (each image once, by the name its build gave it). */
    public List<String> tags(String projectSlug) {
        return engine.tagsWithLabel(PROJECT_LABEL, projectSlug).stream()
                .map(ImageBuilds::localName)
                .distinct()
                .sorted(Comparator.comparingInt(ImageBuilds::versionOf).reversed())
                .toList();
    }

    /**
     * Disk used by app images, by project address. Each image counts its base layers too, so this is an upper bound
     * where versions of one stack share their base.
     */
    public Map<String, Long> imageBytesByProject() {
        return engine.sizesByLabel(PROJECT_LABEL);
    }

    public int keepPreviousImages() {
        return limits.keepPreviousImages();
    }

    private BuiltImage buildNow(BuildRequest request, Consumer<String> output) {
        Path archive = null;
        try {
            archive = Files.createTempFile("dropdeploy-context-", ".tar");
            try (OutputStream out = Files.newOutputStream(archive)) {
                List<String> leftOut = BuildContext.write(
                        request.context(),
                        request.dockerfile(),
                        limits.maxContext().toBytes(),
                        out);
                if (!leftOut.isEmpty()) {
                    output.accept(BuildContext.leftOutNote(leftOut));
                }
            }
            Map<String, String> labels = Map.of(
                    PROJECT_LABEL,
                    request.projectSlug(),
                    "dropdeploy.version",
                    String.valueOf(request.version()),
                    "dropdeploy.deployment",
                    request.deploymentId());
            try (InputStream in = Files.newInputStream(archive)) {
                String id = engine.build(in, request.tag(), labels, request.network(), limits.timeout(), output);
                return new BuiltImage(id, request.tag());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(archive);
        }
    }

    /**
     * An image's name without a registry host: on the Swarm backend an image is also tagged as the nodes pull it from
     * the installation's registry ({@code host:port/dd-app/shop:v3}), and both names go together. The host is the first
     * component when it has a dot or a port, as in Docker's reference grammar.
     */
    static String localName(String tag) {
        int slash = tag.indexOf('/');
        if (slash < 0) {
            return tag;
        }
        String first = tag.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? tag.substring(slash + 1) : tag;
    }

    private static int versionOf(String tag) {
        int colon = tag.lastIndexOf(":v");
        try {
            return colon < 0 ? 0 : Integer.parseInt(tag.substring(colon + 2));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
