package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.dropdeploy.support.CatalogImages;
import dev.dropdeploy.support.ContainerExec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Test-only access to the engine: the product never execs into an app container, the tests do, to check what the app
 * itself can see and reach.
 */
final class TestEngine {

    /** One image for every scenario: the app is the shell command in {@code $APP}, injected at run time. */
    static final String DOCKERFILE = """
            FROM %s
            LABEL dropdeploy.project=someone-else
            CMD ["bash", "-c", "eval \\"$APP\\""]
            """;

    private final DockerClient docker;

    TestEngine(DockerClient docker) {
        this.docker = docker;
    }

    static String staticImage() {
        return CatalogImages.image("static").asCanonicalNameString();
    }

    String buildAppImage(String tag) throws IOException {
        Path dir = Files.createTempDirectory("runtime-it");
        Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE.formatted(staticImage()));
        docker.buildImageCmd(dir.toFile()).withTags(Set.of(tag)).start().awaitImageId(2, TimeUnit.MINUTES);
        return tag;
    }

    void removeImage(String tag) {
        try {
            docker.removeImageCmd(tag).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Runs a command inside the container and returns its exit code; output is appended to {@code output}. */
    int exec(String containerId, StringBuilder output, String... command) {
        return ContainerExec.exec(docker, containerId, output, command);
    }
}
