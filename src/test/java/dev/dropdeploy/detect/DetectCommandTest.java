package dev.dropdeploy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DetectCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DetectCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void jsonOutputCarriesTheFieldsBenchmarksRead(@TempDir Path dir) {
        Trees.write(
                dir,
                Map.of("requirements.txt", "flask\n", "app.py", "from flask import Flask\napp = Flask(__name__)\n"));

        assertThat(run(dir.toString(), "--json")).isZero();

        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("stack").asString()).isEqualTo("PYTHON");
        assertThat(json.path("framework").asString()).isEqualTo("flask");
        assertThat(json.path("port").asInt()).isEqualTo(8080);
        assertThat(json.path("commands").path("start").asString()).contains("gunicorn");
        assertThat(json.path("startCommand").asString())
                .isEqualTo(json.path("commands").path("start").asString());
        assertThat(json.has("confidence")).isTrue();
        assertThat(json.path("evidence").isArray()).isTrue();
        assertThat(json.path("runnerUp").isArray()).isTrue();
        assertThat(json.path("warnings").isArray()).isTrue();
    }

    @Test
    void textOutputShowsEvidenceWithFileAndLine(@TempDir Path dir) {
        Trees.write(
                dir,
                Map.of("requirements.txt", "flask\n", "app.py", "from flask import Flask\napp = Flask(__name__)\n"));

        run(dir.toString());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stack:", "PYTHON (flask)", "[app.py:2]");
    }

    @Test
    void textOutputNamesThePackageManagerFromTheRegistryAndTheSystemPackages(@TempDir Path dir) {
        Trees.write(
                dir,
                Map.of(
                        "requirements.txt",
                        "flask\npsycopg2==2.9.10\n",
                        "app.py",
                        "from flask import Flask\napp = Flask(__name__)\n"));

        run(dir.toString());

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("build packages:  gcc libpq-dev")
                .contains("run packages:    libpq5")
                .doesNotContain("installed from:");
    }

    @Test
    void aMissingDirectoryPrintsUsage(@TempDir Path dir) {
        assertThat(run(dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
