package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.support.CatalogImages;
import dev.dropdeploy.support.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.testcontainers.DockerClientFactory;

/** Builds through the real engine: output streamed line by line, failures explained, runaway builds stopped. */
class ImageBuildsIT {

    private static final String PROJECT = "builds-it";

    private final BuildLimits limits =
            new BuildLimits(1, Duration.ofSeconds(15), DataSize.ofMegabytes(512), 512, DataSize.ofMegabytes(50), 1);
    private final DockerImageEngine engine =
            new DockerImageEngine(DockerClientFactory.instance().client(), limits, Settings.outputLimits());
    private final ImageBuilds builds = new ImageBuilds(
            engine, new BuildQueue(limits), limits, new DiskGuard(engine::imageDirectory, DataSize.ofMegabytes(1)));
    private final List<String> output = new CopyOnWriteArrayList<>();

    @TempDir
    Path app;

    @AfterEach
    void removeImages() {
        builds.prune(PROJECT, Set.of());
    }

    @Test
    void aGoodBuildStreamsEveryLineAndTagsTheImageByProjectAndVersion() throws IOException {
        BuiltImage image = build(1, "RUN echo building-step-output");

        assertThat(image.tag()).isEqualTo("dd-app/builds-it:v1");
        assertThat(builds.exists(image.tag())).isTrue();
        assertThat(output).anyMatch(line -> line.contains("building-step-output"));
        assertThat(builds.tags(PROJECT)).contains("dd-app/builds-it:v1");
    }

    @Test
    void aFailingStepIsNamedWithItsLastLines() {
        assertThatThrownBy(() -> build(2, "RUN echo about-to-fail && exit 3"))
                .isInstanceOfSatisfying(BuildFailure.class, failure -> {
                    assertThat(failure.failedStep()).isEqualTo("RUN echo about-to-fail && exit 3");
                    assertThat(failure.lastLines()).anyMatch(line -> line.contains("about-to-fail"));
                    assertThat(failure.getMessage()).contains("non-zero code: 3");
                });
    }

    @Test
    void aBuildOverItsTimeLimitIsStoppedAndTheNextBuildWorks() throws IOException {
        assertThatThrownBy(() -> build(3, "RUN sleep 120"))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("longer than");

        assertThat(builds.exists(build(4, "RUN true").tag())).isTrue();
    }

    @Test
    void retentionKeepsOnlyTheImagesAskedFor() throws IOException {
        build(5, "RUN echo five");
        build(6, "RUN echo six");

        builds.prune(PROJECT, Set.of("dd-app/builds-it:v6"));

        assertThat(builds.tags(PROJECT)).containsExactly("dd-app/builds-it:v6");
    }

    @Test
    void secretFilesAtAnyDepthAreNotInTheImageEvenWithTheProjectsOwnDockerfile() throws IOException {
        Files.createDirectories(app.resolve("api"));
        Files.writeString(app.resolve("api/.env"), "TOKEN=leak");
        Files.writeString(app.resolve("api/.env.example"), "TOKEN=");

        // The build itself checks the copied tree: a secret that got in fails the step, and with it this test.
        build(7, "COPY . /app\nRUN test ! -e /app/api/.env && test -e /app/api/.env.example");

        assertThat(output).contains("Left out of the image: api/.env (secrets)");
    }

    @Test
    void aBuildPrintingAnEndlessLineShowsItCutAtTheLimitAndGoesOn() throws IOException {
        // A step of its own each run: the layer cache (kept by retention, which leaves parent layers) must not answer
        // it.
        build(
                8,
                "RUN echo " + System.nanoTime()
                        + "; head -c 3000000 /dev/zero | tr '\\0' y; echo; echo after-the-long-line");

        assertThat(output).anyMatch(line -> line.startsWith("yyyy") && line.endsWith("… [line cut at 8 KiB]"));
        assertThat(output).allMatch(line -> line.length() < 8300);
        assertThat(output).contains("after-the-long-line");
    }

    private BuiltImage build(int version, String step) throws IOException {
        Files.writeString(app.resolve("Dockerfile"), "FROM " + CatalogImages.image("debian") + "\n" + step + "\n");
        GeneratedDockerfile own = new GeneratedDockerfile(null, null, Map.of(), List.of());
        return builds.build(new BuildRequest(PROJECT, version, "dep-" + version, app, own), output::add);
    }
}
