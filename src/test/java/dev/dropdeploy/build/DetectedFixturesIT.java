package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.StackDetector;
import dev.dropdeploy.support.CatalogImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fixtures of the detection corpus that stand for a failure kind of real apps, taken the whole way: detected, given
 * a generated Dockerfile, built on the real engine, run, and read for the marker their {@code expected.json} names.
 * {@code django-psycopg2} allows only another host name, so its page also proves the generated start adds the host
 * names DropDeploy serves it on to ALLOWED_HOSTS. The uv and poetry apps answer only from the project's own
 * {@code /app/.venv}, and so do the pipenv and pdm apps; {@code python-old-pin} pins a release with no wheel for
 * Python 3.13 that does not build on it, so its page shows the release the pins helper moved it to; {@code go-server-in-own-package} serves from the module's own routes package on a port that package hard-codes, and
 * {@code go-newer-toolchain} asks for a newer Go than the catalog's; {@code php-heroku-procfile} is served from the document root
 * its Procfile gives Heroku's launcher; the Go module has neither go.sum nor the require line its import needs. {@code sveltekit-adapter-auto} renders its page on the server, so
 * its marker proves the swapped-in adapter-node server runs and listens where DropDeploy routes; {@code
 * npm-workspace-member} is built from its workspace root, and its page needs both a root-declared dependency and a
 * workspace package that must be built first. {@code react-router-framework}, {@code astro-node} and {@code nuxt-ssr}
 * run the server their framework's build writes. {@code fastify-default-host} listens on localhost, Fastify's default,
 * so its marker proves the Node image starts such a server on 0.0.0.0.
 */
class DetectedFixturesIT {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path CA =
            Path.of(System.getenv().getOrDefault("DROPDEPLOY_CA_CERTS", "/usr/local/share/ca-certificates"));
    private static final DockerClient DOCKER = DockerClientFactory.instance().client();
    private static final String TAG_PREFIX = "dropdeploy-it/fixture-";

    private final Dockerfiles dockerfiles = new Dockerfiles(
            name -> CatalogImages.image(name).asCanonicalNameString(),
            new BuildProperties(Path.of("images/catalog.tsv"), CA, Path.of("templates")));

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "express-pnpm",
                "express-yarn-berry",
                "express-yarn-classic",
                "express-better-sqlite3",
                "django-psycopg2",
                "python-uv-venv",
                "python-poetry-venv",
                "python-pipenv-venv",
                "python-pdm-venv",
                "python-old-pin",
                "php-heroku-procfile",
                "go-no-go-sum",
                "go-folder-without-go-mod",
                "go-server-in-own-package",
                "go-newer-toolchain",
                "sveltekit-adapter-auto",
                "eleventy-output-flag",
                "vite-moved-output",
                "npm-workspace-member",
                "react-router-framework",
                "astro-node",
                "nuxt-ssr",
                "fastify-default-host"
            })
    void theDetectedAppBuildsRunsAndServesItsMarker(String fixture, @TempDir Path context) throws IOException {
        Path app = FIXTURES.resolve(fixture);
        DetectionReport report = new StackDetector().detect(app);
        GeneratedDockerfile generated = dockerfiles.generate(report);
        ImageBuild.prepareContext(app, context, generated);
        Files.deleteIfExists(context.resolve("expected.json"));

        ImageBuild.build(DOCKER, context, TAG_PREFIX + fixture, false);
        String page = ImageBuild.serve(TAG_PREFIX + fixture, report.port(), "/")
                .get("/")
                .body();

        assertThat(page).contains(marker(app));
    }

    private static String marker(Path app) {
        return JsonMapper.builder()
                .build()
                .readTree(app.resolve("expected.json").toFile())
                .path("marker")
                .asString();
    }

    @AfterAll
    static void removeImages() {
        DOCKER.listImagesCmd()
                .withReferenceFilter(TAG_PREFIX + "*")
                .exec()
                .forEach(image ->
                        DOCKER.removeImageCmd(image.getId()).withForce(true).exec());
    }
}
