package dev.dropdeploy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mixed repositories are resolved by role, not by the order analyzers run in. */
class ResolverTest {

    private static final String FLASK = "from flask import Flask\napp = Flask(__name__)\n";
    private static final String EXPRESS =
            "const express = require('express');\nconst app = express();\n" + "app.listen(process.env.PORT || 3000);\n";

    @Test
    void packageJsonWithoutAServerLosesToAFlaskAppInTheSameFolder(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json", "{\"scripts\":{\"build\":\"tailwindcss -o static/site.css\"}}",
                        "requirements.txt", "flask\n",
                        "app.py", FLASK));

        assertThat(report.stack()).isEqualTo(Stack.PYTHON);
        assertThat(report.runnerUp()).extracting(Candidate::stack).contains(Stack.NODE);
    }

    @Test
    void anExpressServerWinsOverAPythonHelperScript(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                                "{\"scripts\":{\"start\":\"node server.js\"},\"dependencies\":{\"express\":\"4\"}}",
                        "requirements.txt", "pandas\n",
                        "report.py", "import pandas\nprint(1)\n",
                        "server.js", EXPRESS));

        assertThat(report.stack()).isEqualTo(Stack.NODE);
        assertThat(report.framework()).isEqualTo("express");
    }

    @Test
    void theRootAppWinsOverAnEqualAppInASubfolder(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt",
                        "flask\n",
                        "app.py",
                        FLASK,
                        "tools/admin/requirements.txt",
                        "flask\n",
                        "tools/admin/app.py",
                        FLASK));

        assertThat(report.appDirectory()).isEmpty();
        assertThat(report.runnerUp()).extracting(Candidate::directory).contains("tools/admin");
    }

    @Test
    void aProcfileWebProcessIsPreferredWhateverTheOrderOfLines(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt",
                        "flask\n",
                        "app.py",
                        FLASK,
                        "Procfile",
                        "release: python migrate.py\nworker: python jobs.py\nweb: gunicorn app:app\n"));

        assertThat(report.commands().start()).isEqualTo("gunicorn app:app");
    }

    @Test
    void aProcfileWithoutWebPicksWorkerThenTheFirstByName(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "requirements.txt",
                        "flask\n",
                        "app.py",
                        FLASK,
                        "Procfile",
                        "zeta: python z.py\nalpha: python a.py\n"));

        assertThat(report.commands().start()).isEqualTo("python a.py");
        assertThat(report.webServer()).isFalse();
    }

    @Test
    void nestedWrapperFoldersAreUnwrappedButAFolderWithSiblingsIsNot(@TempDir Path dir) {
        DetectionReport wrapped =
                Trees.detect(dir.resolve("a"), Map.of("outer/inner/index.html", "<h1>x</h1>", ".DS_Store", ""));
        DetectionReport notWrapped =
                Trees.detect(dir.resolve("b"), Map.of("site/index.html", "<h1>x</h1>", "notes.txt", "n"));

        assertThat(wrapped.appDirectory()).isEqualTo("outer/inner");
        assertThat(notWrapped.appDirectory()).isEmpty();
        assertThat(notWrapped.staticOutputDir()).isEqualTo("site");
    }

    @Test
    void everyDecisionCarriesEvidenceAndConfidenceStaysWithinBounds(@TempDir Path dir) {
        DetectionReport report = Trees.detect(dir, Map.of("requirements.txt", "flask\n", "app.py", FLASK));

        assertThat(report.confidence()).isBetween(0.0, 1.0);
        assertThat(report.evidence()).extracting(Evidence::decision).contains("stack", "entrypoint", "port");
    }
}
