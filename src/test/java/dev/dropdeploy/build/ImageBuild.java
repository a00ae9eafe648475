package dev.dropdeploy.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.dropdeploy.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** Writes a generated Dockerfile into a copy of an app and builds it with the engine's classic builder. */
record ImageBuild(String tag, String imageId, String log, Duration took) {

    static void prepareContext(Path app, Path context, GeneratedDockerfile generated) throws IOException {
        copyTree(app, context);
        Files.writeString(context.resolve("Dockerfile"), generated.dockerfile());
        Files.writeString(context.resolve(".dockerignore"), generated.dockerignore());
        for (Map.Entry<String, Path> extra : generated.extraContextFiles().entrySet()) {
            Path target = context.resolve(extra.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(extra.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @param noCache true to measure a cold build; the layers it makes still serve later builds */
    static ImageBuild build(DockerClient docker, Path context, String tag, boolean noCache) {
        StringBuilder log = new StringBuilder();
        long start = System.nanoTime();
        try {
            String imageId = run(docker, context, tag, noCache, log);
            return new ImageBuild(tag, imageId, log.toString(), Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            throw new AssertionError("Build of " + tag + " failed: " + e.getMessage() + "\n" + log, e);
        }
    }

    private static String run(DockerClient docker, Path context, String tag, boolean noCache, StringBuilder log) {
        return docker.buildImageCmd()
                .withBaseDirectory(context.toFile())
                .withDockerfile(context.resolve("Dockerfile").toFile())
                .withTags(Set.of(tag))
                .withPull(false)
                .withNoCache(noCache)
                .exec(new BuildImageResultCallback() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                        if (item.getStream() != null) {
                            log.append(item.getStream());
                        }
                        super.onNext(item);
                    }
                })
                .awaitImageId(15, TimeUnit.MINUTES);
    }

    /** Whether the classic builder reused the layer of the first step whose instruction contains the text. */
    boolean reusedStep(String instructionText) {
        String[] steps = log.split("(?m)^Step \\d+/\\d+ : ");
        return Stream.of(steps)
                .filter(step -> step.lines().findFirst().orElse("").contains(instructionText))
                .findFirst()
                .map(step -> step.contains("Using cache"))
                .orElseThrow(() -> new AssertionError("No step runs " + instructionText + " in:\n" + log));
    }

    /** Runs the image, waits until {@code /} answers, and GETs each path once. */
    static Map<String, HttpResponse<String>> serve(String tag, int port, String... paths) {
        return serve(tag, port, Map.of(), paths);
    }

    /** The same, with run-time environment variables such as those DropDeploy's start step sets. */
    static Map<String, HttpResponse<String>> serve(String tag, int port, Map<String, String> env, String... paths) {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(tag))
                .withEnv(env)
                .withExposedPorts(port)
                .waitingFor(Wait.forHttp("/").forPort(port).withStartupTimeout(Duration.ofSeconds(90)))) {
            container.start();
            String base = "http://localhost:" + container.getMappedPort(port);
            return Stream.of(paths).collect(Collectors.toMap(path -> path, path -> Http.get(base + path)));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
