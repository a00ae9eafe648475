package dev.dropdeploy.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.Trees;
import dev.dropdeploy.detect.scan.ScanLimits;
import dev.dropdeploy.detect.scan.TreeScanner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonDepsTest {

    private static PythonDeps read(Path dir, Map<String, String> files) {
        return PythonDeps.read(new TreeScanner(ScanLimits.DEFAULT).scan(Trees.write(dir, files)), "");
    }

    @Test
    void requirementNamesAreParsedAsPep508NotAsSubstrings(@TempDir Path dir) {
        PythonDeps deps = read(dir, Map.of("requirements.txt", """
                # comment mentioning fastapi
                Flask[async]>=3.0 ; python_version >= "3.9"
                flask-cors==5.0.0
                Django_REST.framework==3.15
                -r other.txt
                git+https://github.com/x/uvicorn.git
                """));

        assertThat(deps.has("flask")).isTrue();
        assertThat(deps.has("Flask_CORS")).isTrue();
        assertThat(deps.has("django-rest-framework")).isTrue();
        assertThat(deps.has("fastapi")).isFalse();
        assertThat(deps.has("uvicorn")).isFalse();
        assertThat(deps.has("flask-login")).isFalse();
    }

    @Test
    void pinsAreRecognisedSoUnpinnedRequirementsCanBeReported(@TempDir Path dir) {
        assertThat(read(dir.resolve("a"), Map.of("requirements.txt", "flask==3.1.0\ngunicorn===23.0\n"))
                        .allPinned())
                .isTrue();
        assertThat(read(dir.resolve("b"), Map.of("requirements.txt", "flask>=3\n"))
                        .allPinned())
                .isFalse();
    }

    @Test
    void pyprojectAndPoetryTablesAreRead(@TempDir Path dir) {
        PythonDeps deps = read(dir, Map.of("pyproject.toml", """
                [project]
                name = "svc"
                dependencies = ["fastapi[standard]==0.115.6", "uvicorn>=0.34"]

                [tool.poetry.dependencies]
                python = "^3.12"
                requests = "^2.32"
                """));

        assertThat(deps.has("fastapi")).isTrue();
        assertThat(deps.has("uvicorn")).isTrue();
        assertThat(deps.has("requests")).isTrue();
        assertThat(deps.has("python")).isFalse();
    }
}
