package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureExplainerTest {

    @Test
    void anOutOfMemoryKillSaysSoWhateverTheLogsSay() {
        assertThat(FailureExplainer.startFailure(137, false, 8080, "512 MB", List.of("Killed")))
                .contains("ran out of memory");
    }

    @Test
    void aServerBoundToLoopbackIsToldToListenOnAllInterfaces() {
        String reason = FailureExplainer.startFailure(
                null, false, 8080, "512 MB", List.of(" * Running on http://127.0.0.1:5000", "Press CTRL+C to quit"));

        assertThat(reason).contains("127.0.0.1:5000").contains("0.0.0.0").contains("8080");
    }

    @Test
    void aServerOnAnotherPortIsToldToReadPort() {
        assertThat(FailureExplainer.startFailure(null, false, 8080, "512 MB", List.of("Server listening on port 3000")))
                .contains("port 3000")
                .contains("PORT");
    }

    @Test
    void aMissingPythonPackageIsNamedWithTheFix() {
        String reason = FailureExplainer.startFailure(
                1,
                false,
                8080,
                "512 MB",
                List.of("Traceback (most recent call last):", "ModuleNotFoundError: No" + " module named 'requests'"));

        assertThat(reason).contains("\"requests\"").contains("requirements.txt");
    }

    @Test
    void theExceptionLineWinsOverTheGenericLinesServersPrintAfterIt() {
        String reason = FailureExplainer.startFailure(
                3,
                false,
                8080,
                "512 MB",
                List.of(
                        "Traceback (most recent call last):",
                        "RuntimeError: DATABASE_URL is not set",
                        "[2026-11-22 18:16:35 +0000] [1] [ERROR] Reason: Worker failed to boot."));

        assertThat(reason).contains("exit code 3").contains("RuntimeError: DATABASE_URL is not set");
    }

    @Test
    void aMissingStartScriptIsExplained() {
        assertThat(FailureExplainer.startFailure(
                        1, false, 8080, "512 MB", List.of("npm error Missing script: \"start\"")))
                .contains("no \"start\" script");
    }

    @Test
    void aFailedBuildNamesTheStepAndTheError() {
        String reason = FailureExplainer.buildFailure(
                "The command returned a non-zero code: 1",
                "RUN npm ci",
                List.of("npm error code E404", "npm error 404 Not Found - GET https://registry.npmjs.org/left-padd"));

        assertThat(reason).contains("RUN npm ci").contains("404 Not Found");
    }
}
