package dev.dropdeploy.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonAnalyzerTest {

    @Test
    void theAsgiObjectIsFoundByItsConstructorWhateverItIsCalled(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt", "fastapi\nuvicorn\n",
                        "service/api.py", "from fastapi import FastAPI\n\nserver: FastAPI = FastAPI(title='x')\n"));

        assertThat(report.entrypoint()).isEqualTo("service.api:server");
        assertThat(report.commands().start()).isEqualTo("uvicorn service.api:server --host 0.0.0.0 --port $PORT");
    }

    @Test
    void aModuleFromADistributionNamedApartFromItIsDeclaredNotGuessedAndInstalledAgain(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "pyproject.toml", "[project]\ndependencies = [\"strawberry-graphql>=0.192.0\"]\n",
                        "main.py", "import strawberry\nimport requests\n\nprint('hi')\n"));

        assertThat(report.warnings())
                .filteredOn(w -> w.code().equals("UNDECLARED_IMPORT"))
                .extracting(w -> w.message())
                .singleElement()
                .asString()
                .contains("'requests'");
    }

    @Test
    void aFastHtmlAppIsServedByUvicornNotRunAsAScriptThatCallsServe(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt",
                        "python-fasthtml==0.4.4\nuvicorn==0.30.1\n",
                        "main.py",
                        "from fasthtml.common import *\n\napp, rt = fast_app(hdrs=(picolink))\n\n"
                                + "@rt('/')\ndef get():\n    return Titled('hi')\n\nserve()\n"));

        assertThat(report.webServer()).isTrue();
        assertThat(report.framework()).isEqualTo("fasthtml");
        assertThat(report.commands().start()).isEqualTo("uvicorn main:app --host 0.0.0.0 --port $PORT");
        assertThat(report.commands().install())
                .as("fasthtml is imported from the declared python-fasthtml, not a package of its own")
                .doesNotContain("txt fasthtml");
    }

    @Test
    void uvAndPoetryProjectsInstallWithTheirOwnToolFromTheirLockOrTheirPyproject(@TempDir Path dir) {
        String flask = "from flask import Flask\napp = Flask(__name__)\n";
        String pyproject = "[project]\nname = \"x\"\ndependencies = [\"flask\", \"gunicorn\"]\n";

        DetectionReport locked = Trees.detect(
                dir.resolve("a"), Map.of("pyproject.toml", pyproject, "uv.lock", "version = 1\n", "app.py", flask));
        DetectionReport toolUv = Trees.detect(
                dir.resolve("b"),
                Map.of("pyproject.toml", pyproject + "\n[tool.uv]\npackage = false\n", "app.py", flask));
        DetectionReport poetry = Trees.detect(
                dir.resolve("c"),
                Map.of(
                        "pyproject.toml",
                        "[tool.poetry]\nname = \"x\"\n\n[tool.poetry.dependencies]\nflask = \"*\"\ngunicorn = \"*\"\n",
                        "app.py",
                        flask));

        assertThat(locked.packageManager()).isEqualTo("uv");
        assertThat(locked.commands().install()).isEqualTo("uv sync --frozen --no-dev --no-install-project");
        assertThat(toolUv.packageManager()).isEqualTo("uv");
        assertThat(toolUv.commands().install()).isEqualTo("uv sync --no-dev --no-install-project");
        assertThat(poetry.packageManager()).isEqualTo("poetry");
        assertThat(poetry.commands().install()).isEqualTo("poetry install --only main --no-root --no-interaction");
    }

    @Test
    void pipenvAndPdmProjectsInstallWithTheirOwnTool(@TempDir Path dir) {
        String flask = "from flask import Flask\napp = Flask(__name__)\n";
        DetectionReport locked = Trees.detect(
                dir.resolve("pipenv"),
                Map.of(
                        "Pipfile",
                        "[packages]\nflask = \"*\"\ngunicorn = \"*\"\n\n[requires]\npython_version = \"3.11\"\n",
                        "Pipfile.lock",
                        "{}",
                        "app.py",
                        flask));
        DetectionReport unlocked = Trees.detect(
                dir.resolve("pipenv-unlocked"),
                Map.of("Pipfile", "[packages]\nflask = \"*\"\ngunicorn = \"*\"\n", "app.py", flask));
        DetectionReport pdm = Trees.detect(
                dir.resolve("pdm"),
                Map.of(
                        "pyproject.toml",
                        "[project]\nname = \"x\"\ndependencies = [\"flask\", \"gunicorn\"]\n",
                        "pdm.lock",
                        "# @generated by PDM\n",
                        "app.py",
                        flask));

        assertThat(locked.packageManager()).isEqualTo("pipenv");
        assertThat(locked.commands().install()).isEqualTo("pipenv sync");
        assertThat(unlocked.commands().install()).isEqualTo("pipenv install --skip-lock");
        assertThat(pdm.packageManager()).isEqualTo("pdm");
        assertThat(pdm.commands().install()).isEqualTo("pdm install --prod --no-self");
    }

    @Test
    void aMissingServerIsInstalledAndSaidSo(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt",
                        "fastapi==0.115.6\n",
                        "main.py",
                        "import fastapi\napp = fastapi.FastAPI()\n"));

        assertThat(report.commands().install()).isEqualTo("pip install --no-cache-dir -r requirements.txt uvicorn");
        assertThat(report.evidence()).anyMatch(e -> e.reason().contains("uvicorn is not declared"));
    }

    @Test
    void pastedCodeWithoutAnyManifestInstallsItsImportsAndWarns(@TempDir Path dir) {
        DetectionReport report =
                Trees.detect(dir, Map.of("app.py", "import yaml\nfrom flask import Flask\napp = Flask(__name__)\n"));

        assertThat(report.commands().install()).isEqualTo("pip install --no-cache-dir pyyaml flask gunicorn");
        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("UNDECLARED_IMPORT");
    }

    @Test
    void aProjectsOwnModulesAreNotMistakenForMissingDependencies(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt", "flask==3.1.0\ngunicorn==23.0.0\n",
                        "app.py",
                                "from flask import Flask\nfrom helpers import greet\nimport models.user\napp = Flask(__name__)\n",
                        "helpers.py", "def greet(): return 'hi'\n",
                        "models/user.py", "X = 1\n"));

        assertThat(report.warnings()).extracting(DetectionWarning::code).doesNotContain("UNDECLARED_IMPORT");
    }

    @Test
    void anEmptyDjangoAllowedHostsIsReported(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt",
                        "django==5.1.4\n",
                        "manage.py",
                        "import django\n",
                        "proj/settings.py",
                        "ALLOWED_HOSTS = []\nWSGI_APPLICATION = 'proj.wsgi.application'\n"));

        assertThat(report.entrypoint()).isEqualTo("proj.wsgi");
        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("ALLOWED_HOSTS");
    }

    @Test
    void thePythonVersionComesFromTheProjectsOwnFiles(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        ".python-version",
                        "3.12.4\n",
                        "requirements.txt",
                        "flask\n",
                        "app.py",
                        "from flask import Flask\napp = Flask(__name__)\n"));

        assertThat(report.runtimeVersion()).isEqualTo("3.12");
    }

    @Test
    void aPyprojectWithoutLockInstallsItsDeclaredRequirementsAsWritten(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "pyproject.toml",
                                "[project]\nname = \"x\"\ndependencies = [\n  \"fastapi[standard]==0.115.6\",\n]\n",
                        "main.py", "from fastapi import FastAPI\napp = FastAPI()\n"));

        assertThat(report.commands().install())
                .isEqualTo("pip install --no-cache-dir 'fastapi[standard]==0.115.6' uvicorn");
        assertThat(report.warnings()).extracting(DetectionWarning::code).doesNotContain("UNDECLARED_IMPORT");
    }
}
