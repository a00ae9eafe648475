package dev.dropdeploy.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PruneType;
import dev.dropdeploy.output.OutputLimits;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class DockerImageEngine implements ImageEngine {

    private static final Logger log = LoggerFactory.getLogger(DockerImageEngine.class);

    private final DockerClient docker;
    private final BuildLimits limits;
    private final int maxLine;

    DockerImageEngine(DockerClient docker, BuildLimits limits, OutputLimits output) {
        this.docker = docker;
        this.limits = limits;
        this.maxLine = output.maxLine();
    }

    /** docker-java's words for a build stream that ended without an image; followed by ": <error>" when it had one. */
    static final String NO_OUTCOME = "Could not build image";

    @Override
    public String build(
            InputStream context,
            String tag,
            Map<String, String> labels,
            String network,
            Duration timeout,
            Consumer<String> output) {
        BuildOutput lines = new BuildOutput(output, maxLine);
        StreamingCallback callback = new StreamingCallback(lines);
        try {
            // Empty on purpose: docker-java would otherwise attach the host's registry credentials to a tenant's build.
            var command = docker.buildImageCmd(context).withBuildAuthConfigs(new AuthConfigurations());
            if (network != null) {
                command.withNetworkMode(network);
            }
            command.withTags(Set.of(tag))
                    .withLabels(labels)
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .withMemory(limits.memory().toBytes())
                    .withMemswap(limits.memory().toBytes())
                    .withCpushares(String.valueOf(limits.cpuShares()))
                    .exec(callback);
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                closeQuietly(callback); // closing the stream makes the engine cancel the build
                throw lines.stopped("The build took longer than " + timeout.toMinutes() + " minutes and was stopped");
            }
            return callback.awaitImageId();
        } catch (DockerClientException | DockerException e) {
            if (NO_OUTCOME.equals(e.getMessage())) {
                // The stream ended with neither an image nor an error: the engine went away, the step did not fail.
                throw lines.stopped("The Docker engine ended the build without an image or an error (it may have"
                        + " restarted); deploy again once it is back");
            }
            throw lines.failure(explain(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(callback);
            throw lines.stopped("The build was interrupted");
        } catch (RuntimeException e) {
            if (e instanceof BuildFailure failure) {
                throw failure;
            }
            // The connection broke: the engine restarted or died mid-build, or was never there.
            throw lines.stopped("The Docker engine stopped answering during the build (it may have restarted), so"
                    + " no image was made; deploy again once it is back");
        }
    }

    @Override
    public boolean exists(String imageReference) {
        try {
            docker.inspectImageCmd(imageReference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public List<String> tagsWithLabel(String label, String value) {
        List<Image> images =
                docker.listImagesCmd().withLabelFilter(Map.of(label, value)).exec();
        return images.stream()
                .map(Image::getRepoTags)
                .filter(Objects::nonNull)
                .flatMap(tags -> List.of(tags).stream())
                .filter(tag -> !tag.equals("<none>:<none>"))
                .toList();
    }

    @Override
    public Map<String, Long> sizesByLabel(String label) {
        Map<String, Long> sizes = new java.util.HashMap<>();
        for (Image image : docker.listImagesCmd().withLabelFilter(label).exec()) {
            String value = image.getLabels() == null ? null : image.getLabels().get(label);
            if (value != null && image.getSize() != null) {
                sizes.merge(value, image.getSize(), Long::sum);
            }
        }
        return sizes;
    }

    @Override
    public void removeQuietly(String tag) {
        try {
            // Not its parents: they are the layers other builds reuse, possibly a build running now; the scheduled
            // prune removes the ones nothing uses, while no build runs (ImagePruning).
            docker.removeImageCmd(tag).withNoPrune(true).exec();
        } catch (DockerException e) {
            log.info("Kept image {}: {}", tag, e.getMessage());
        }
    }

    @Override
    public java.nio.file.Path imageDirectory() {
        String root = docker.infoCmd().exec().getDockerRootDir();
        return root == null ? null : java.nio.file.Path.of(root);
    }

    @Override
    public long pruneLeftovers() {
        long images = reclaimed(
                docker.pruneCmd(PruneType.IMAGES).withDangling(true).exec().getSpaceReclaimed());
        long cache = reclaimed(docker.pruneCmd(PruneType.BUILD).exec().getSpaceReclaimed());
        return images + cache;
    }

    private static long reclaimed(Long bytes) {
        return bytes == null ? 0 : bytes;
    }

    private static String explain(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.startsWith(NO_OUTCOME + ": ") ? message.substring(NO_OUTCOME.length() + 2) : message;
    }

    private static void closeQuietly(StreamingCallback callback) {
        try {
            callback.close();
        } catch (IOException e) {
            log.debug("Closing a build stream failed", e);
        }
    }

    /** Passes every output line on as it arrives and keeps docker-java's own error detection. */
    private static final class StreamingCallback extends BuildImageResultCallback {

        private final BuildOutput lines;

        StreamingCallback(BuildOutput lines) {
            this.lines = lines;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                lines.append(item.getStream());
            }
            if (item.isErrorIndicated() && item.getErrorDetail() != null) {
                lines.append(item.getErrorDetail().getMessage() + "\n");
            }
            super.onNext(item);
        }
    }
}
