package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.support.CatalogImages;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;

/**
 * Builds one small real app per stack family with its generated Dockerfile on the real engine (offline catalog
 * images), runs it and reads its page; then changes one source line and checks the dependency layer was reused.
 */
class GeneratedDockerfilesIT {

    private static final Path APPS = Path.of("src/test/resources/apps");
    private static final Path CA =
            Path.of(System.getenv().getOrDefault("DROPDEPLOY_CA_CERTS", "/usr/local/share/ca-certificates"));
    /** {@code -Ddropdeploy.it.cold=true} measures first builds without any cached layer (slower, for benchmarks). */
    private static final boolean COLD = Boolean.getBoolean("dropdeploy.it.cold");

    private static final DockerClient DOCKER = DockerClientFactory.instance().client();

    private final Dockerfiles dockerfiles = new Dockerfiles(
            name -> CatalogImages.image(name).asCanonicalNameString(),
            new BuildProperties(Path.of("images/catalog.tsv"), CA, Path.of("templates")));

    /**
     * @param changedFile a source file that gets one more line for the rebuild
     * @param installStep text of the dependency-install instruction, {@code null} when the stack has none
     */
    record App(String name, DetectionReport report, String changedFile, String comment, String installStep) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> apps() {
        return Stream.of(
                        new App("static", Reports.staticSite(), "index.html", "<!-- changed -->", null),
                        new App("spa", Reports.vite(), "src/main.js", "// changed", "npm ci"),
                        new App("node", Reports.express(), "server.js", "// changed", "npm ci"),
                        new App("python", Reports.flask(), "app.py", "# changed", "pip install"),
                        new App(
                                "java-maven",
                                Reports.springBootMaven(),
                                "src/main/java/com/example/demo/DemoApplication.java",
                                "// changed",
                                "dependency:go-offline"),
                        new App("go", Reports.goHttp("."), "main.go", "// changed", "go mod download"),
                        new App("php", Reports.php(), "index.php", "// changed", null))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void theGeneratedImageServesTheAppAndASourceChangeReusesTheDependencyLayer(App app, @TempDir Path context)
            throws IOException {
        GeneratedDockerfile generated = dockerfiles.generate(app.report());
        ImageBuild.prepareContext(APPS.resolve(app.name()), context, generated);
        boolean servesFiles = app.report().stack() == Stack.STATIC;
        if (servesFiles) {
            // Put straight into the image (this build bypasses BuildContext), so only the server can hide them.
            Files.writeString(context.resolve(".env"), "SECRET=dropdeploy-it-leak");
            Files.createDirectories(context.resolve("sub"));
            Files.writeString(context.resolve("sub/.htpasswd"), "admin:dropdeploy-it-leak");
        }
        String tag = "dropdeploy-it/" + app.name() + ":test";

        ImageBuild cold = ImageBuild.build(DOCKER, context, tag, COLD);
        Map<String, HttpResponse<String>> pages = ImageBuild.serve(
                tag, app.report().port(), "/", "/Dockerfile", "/client/side/route", "/.env", "/sub/.htpasswd");
        assertThat(pages.get("/").body()).contains("dropdeploy-" + app.name() + "-ok");
        assertThat(pages.get("/Dockerfile").body())
                .as("build files are not served")
                .doesNotContain("FROM ");
        if (app.report().stack() == Stack.SPA) {
            assertThat(pages.get("/client/side/route").body())
                    .as("SPA fallback")
                    .contains("dropdeploy-spa-ok");
        }
        if (servesFiles) {
            assertThat(List.of(pages.get("/.env"), pages.get("/sub/.htpasswd")))
                    .as("dotfiles are not served")
                    .allSatisfy(page -> assertThat(page.statusCode()).isEqualTo(404))
                    .allSatisfy(page -> assertThat(page.body()).doesNotContain("dropdeploy-it-leak"));
        }

        Files.writeString(context.resolve(app.changedFile()), "\n" + app.comment() + "\n", StandardOpenOption.APPEND);
        ImageBuild warm = ImageBuild.build(DOCKER, context, tag, false);
        if (app.installStep() != null) {
            assertThat(warm.reusedStep(app.installStep()))
                    .as("dependency layer reused")
                    .isTrue();
        }
        report(app, cold, warm);
        if (!cold.imageId().equals(warm.imageId())) {
            DOCKER.removeImageCmd(cold.imageId()).withForce(true).exec();
        }
    }

    private static void report(App app, ImageBuild cold, ImageBuild warm) {
        long size = DOCKER.inspectImageCmd(warm.tag()).exec().getSize();
        System.out.printf(
                "[generated-dockerfile] %-10s first build %5.1f s, after a one-line change %5.1f s, image %4d MB%n",
                app.name(), cold.took().toMillis() / 1000.0, warm.took().toMillis() / 1000.0, size / 1_000_000);
    }

    @AfterAll
    static void removeImages() {
        apps().map(arguments -> (App) arguments.get()[0]).forEach(app -> {
            try {
                DOCKER.removeImageCmd("dropdeploy-it/" + app.name() + ":test")
                        .withForce(true)
                        .exec();
            } catch (RuntimeException e) {
                // an image that failed to build is not there
            }
        });
    }
}
