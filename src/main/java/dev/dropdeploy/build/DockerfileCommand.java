package dev.dropdeploy.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.StackDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * {@code dockerfile <dir>}: prints the Dockerfile DropDeploy would build for a folder, with its notes, without
 * starting Spring. Base images resolve against the local engine when it answers, else to the production pins.
 */
public final class DockerfileCommand {

    private DockerfileCommand() {}

    public static void main(String[] args) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: dockerfile <directory>");
            System.exit(2);
        }
        DetectionReport report = new StackDetector().detect(Path.of(args[0]));
        ImageCatalog catalog = ImageCatalog.load(Path.of(env("DROPDEPLOY_IMAGE_CATALOG", "images/catalog.tsv")));
        Predicate<String> present = engineImages();
        BaseImages bases = name -> {
            try {
                return catalog.resolve(name, present);
            } catch (IllegalStateException notBuiltHere) {
                return catalog.get(name).production();
            }
        };
        BuildProperties properties = new BuildProperties(
                Path.of("images/catalog.tsv"),
                Path.of(env("DROPDEPLOY_CA_CERTS_DIR", "/usr/local/share/ca-certificates")),
                Path.of(env("DROPDEPLOY_TEMPLATES", "templates")));
        try {
            GeneratedDockerfile generated = new Dockerfiles(bases, properties).generate(report);
            System.out.println(
                    generated.dockerfile() == null ? "# the project's own Dockerfile is used" : generated.dockerfile());
            generated.notes().forEach(note -> System.err.println("note: " + note));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Whether the local engine holds an image; when it cannot be asked, nothing is present. */
    private static Predicate<String> engineImages() {
        try {
            DefaultDockerClientConfig config =
                    DefaultDockerClientConfig.createDefaultConfigBuilder().build();
            DockerClient docker = DockerClientImpl.getInstance(
                    config,
                    new ApacheDockerHttpClient.Builder()
                            .dockerHost(config.getDockerHost())
                            .build());
            docker.pingCmd().exec();
            return ref -> {
                try {
                    docker.inspectImageCmd(ref).exec();
                    return true;
                } catch (NotFoundException e) {
                    return false;
                }
            };
        } catch (RuntimeException e) {
            return ref -> false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
