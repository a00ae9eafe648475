package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.build.BuildFailure;
import dev.dropdeploy.build.BuildStopped;
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
                        "RuntimeError: SECRET_KEY is not set",
                        "[2026-11-22 18:16:35 +0000] [1] [ERROR] Reason: Worker failed to boot."));

        assertThat(reason).contains("exit code 3").contains("RuntimeError: SECRET_KEY is not set");
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

    @Test
    void aBuildStoppedByItsTimeLimitSaysSoInsteadOfBlamingTheStepsLastLines() {
        String reason = FailureExplainer.buildFailure(new BuildStopped(
                "The build took longer than 15 minutes and was stopped",
                "RUN npm ci",
                List.of("npm error code E404", "npm warn still resolving")));

        assertThat(reason)
                .startsWith("The build was stopped during step \"RUN npm ci\": The build took longer than 15 minutes")
                .doesNotContain("is not in the registry")
                .doesNotContain("The build failed");
    }

    @Test
    void aStepThatFailedIsStillExplainedFromItsLastLines() {
        String reason = FailureExplainer.buildFailure(new BuildFailure(
                "The command returned a non-zero code: 1",
                "RUN npm ci",
                List.of("npm error 404 Not Found - GET https://registry.npmjs.org/left-padd")));

        assertThat(reason).startsWith("The build failed at step \"RUN npm ci\"").contains("404 Not Found");
    }

    private static final String DOCKER_LAST = "The command '/bin/sh -c npm ci' returned a non-zero code: 1";

    @Test
    void aWorkspacePackageMissingFromTheRegistryIsExplainedWithItsName() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN npm install",
                List.of(
                        "npm error code E404",
                        "npm error 404 Not Found - GET https://registry.npmjs.org/@repo%2feslint-config - Not found",
                        "npm error 404  '@repo/eslint-config@*' is not in this registry.",
                        DOCKER_LAST));

        assertThat(reason)
                .contains("@repo/eslint-config is a workspace package")
                .contains("workspace root")
                .contains("404");
    }

    @Test
    void anUnknownPackageIsNamedFromTheRegistrysUrlWhenNpmSaysNothingElse() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN pnpm install",
                List.of(" ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/left-padd: Not Found - 404", DOCKER_LAST));

        assertThat(reason).contains("The package left-padd is not in the npm registry");
    }

    @Test
    void anNpmVersionThatDoesNotExistIsNamedInsteadOfTheExitCode() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN npm ci",
                List.of(
                        "npm error code ETARGET",
                        "npm error notarget No matching version found for left-pad@^99.0.0.",
                        "npm error notarget In most cases you or one of your dependencies are requesting",
                        "npm error A complete log of this run can be found in: /root/.npm/_logs/x.log",
                        DOCKER_LAST));

        assertThat(reason)
                .contains("no version of left-pad that matches ^99.0.0")
                .doesNotContain("Last output");
    }

    @Test
    void aPeerConflictAndAnEngineMismatchSayWhatToChange() {
        String peer = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN npm ci",
                List.of(
                        "npm error code ERESOLVE",
                        "npm error ERESOLVE unable to resolve dependency tree",
                        DOCKER_LAST));
        String engine = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN yarn install --frozen-lockfile",
                List.of(
                        "error vite@7.0.0: The engine \"node\" is incompatible with this module. Expected version"
                                + " \"^20.19.0 || >=22.12.0\". Got \"20.11.1\"",
                        "error Found incompatible module.",
                        "info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.",
                        DOCKER_LAST));

        assertThat(peer).contains("legacy-peer-deps=true");
        assertThat(engine).contains("needs node ^20.19.0 || >=22.12.0").contains("builds with node 20.11.1");
    }

    @Test
    void anyOtherPackageManagerErrorIsShownRatherThanTheGenericLastLine() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN yarn install",
                List.of(
                        "error Couldn't find the binary git",
                        "npm ERR! /root/.npm/_logs/2026-12-03T14_30_00_000Z-debug-0.log",
                        "info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.",
                        DOCKER_LAST));

        assertThat(reason).contains("The error: error Couldn't find the binary git");
    }

    @Test
    void aFontDownloadAtBuildTimeSaysThisServerCannotReachTheInternet() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN npm run build",
                List.of(
                        "Failed to fetch font `Inter`.",
                        "URL: https://fonts.googleapis.com/css2?family=Inter:wght@100..900&display=swap",
                        "> Build failed because of webpack errors",
                        DOCKER_LAST));

        assertThat(reason)
                .contains("fonts.googleapis.com, which this server cannot reach")
                .contains("next/font/local");
    }

    @Test
    void aHugoThemeMadeForAnOlderHugoNamesTheRemovedTemplate() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN hugo --minify",
                List.of(
                        "Start building sites …",
                        "ERROR render of \"home\" failed: \"/src/themes/ananke/layouts/_default/baseof.html:30:7\":"
                                + " execute of template failed: html/template:_default/baseof.html:30:7: no such"
                                + " template \"_internal/google_analytics_async.html\"",
                        DOCKER_LAST));

        assertThat(reason)
                .contains("_internal/google_analytics_async.html")
                .contains("newer Hugo")
                .contains("Update the theme");
    }

    @Test
    void anyOtherHostFetchedAtBuildTimeIsNamedButARegistryIsNot() {
        String cdn = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN npm run build",
                List.of("Error: getaddrinfo ENOTFOUND cdn.jsdelivr.net", DOCKER_LAST));
        String registry = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN npm ci",
                List.of("npm error network request to https://registry.npmjs.org/x failed, reason: ETIMEDOUT"));

        assertThat(cdn).contains("downloads from cdn.jsdelivr.net, which this server cannot reach");
        assertThat(registry).doesNotContain("cannot reach");
    }

    @Test
    void pipsNoMatchingDistributionNamesTheRequirement() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN pip install -r requirements.txt",
                List.of(
                        "ERROR: Could not find a version that satisfies the requirement tensorflow==2.3.0",
                        "ERROR: No matching distribution found for tensorflow==2.3.0"));

        assertThat(reason).contains("pip found no version of tensorflow==2.3.0");
    }

    @Test
    void theGradleWrapperThatCannotDownloadGradleIsExplainedAsTheMissingInternet() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN ./gradlew --no-daemon bootJar",
                List.of(
                        "Downloading https://services.gradle.org/distributions/gradle-8.2.1-bin.zip",
                        "Exception in thread \"main\" java.net.UnknownHostException: services.gradle.org",
                        DOCKER_LAST));

        assertThat(reason)
                .contains("services.gradle.org, which this server cannot reach")
                .contains("Maven");
    }

    @Test
    void aGeneratedDockerfileThatStopsOnPurposeGivesItsOwnReason() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN echo 'dropdeploy: composer.json requires packages' >&2 && exit 1",
                List.of("dropdeploy: composer.json requires packages, but vendor/ is not here", DOCKER_LAST));

        assertThat(reason).contains("composer.json requires packages, but vendor/ is not here");
    }

    @Test
    void thePinsHelpersVerdictIsTheReasonAndItsRetryLineIsNot() {
        String verdict = "dropdeploy-pins: numpy==1.26.0 cannot be installed on Python 3.13 (no wheel for it, and its"
                + " source does not build here), and there is no later release of numpy: use another"
                + " package or a release that supports Python 3.13.";
        String retry = "dropdeploy-pins: numpy==1.26.0 cannot be installed on Python 3.13 (no wheel for it, and its"
                + " source does not build here); retrying with numpy==2.1.0, the nearest later release with a wheel.";
        String run = "RUN python3 /opt/dropdeploy/dropdeploy_pins.py pip install -r requirements.txt";

        assertThat(FailureExplainer.buildFailure(DOCKER_LAST, run, List.of(retry, "ERROR: x", verdict, DOCKER_LAST)))
                .contains("there is no later release of numpy");
        assertThat(FailureExplainer.buildFailure(DOCKER_LAST, run, List.of(retry, "error: other", DOCKER_LAST)))
                .doesNotContain("retrying with");
    }

    @Test
    void aMissingPgConfigNamesTheNativeDependenciesRule() {
        String reason = FailureExplainer.buildFailure(
                DOCKER_LAST,
                "RUN pip install -r requirements.txt",
                List.of(
                        "      Error: pg_config executable not found.",
                        "error: metadata-generation-failed",
                        DOCKER_LAST));

        assertThat(reason).contains("PostgreSQL's client library").contains("native dependencies table");
    }

    @Test
    void anAppThatCannotReachItsDatabaseIsToldToAttachOneAndReadDatabaseUrl() {
        for (String line : List.of(
                "psycopg.OperationalError: connection to server at \"localhost\" (127.0.0.1), port 5432 failed:"
                        + " Connection refused",
                "Error: connect ECONNREFUSED 127.0.0.1:5432",
                "Error: P1001: Can't reach database server at `db`:`5432`",
                "SequelizeConnectionRefusedError: connect ECONNREFUSED ::1:5432",
                "KeyError: 'DATABASE_URL'",
                "RuntimeError: DATABASE_URL is not set")) {
            String reason = FailureExplainer.startFailure(1, false, 8080, "512 MB", List.of("starting", line));
            assertThat(reason)
                    .as(line)
                    .startsWith(
                            "The app stopped during start-up with exit code 1. The app could not connect to its database")
                    .contains("DATABASE_URL")
                    .doesNotContain("listens on 127.0.0.1");
        }
    }

    @Test
    void anAppThatCannotReachRedisIsToldToAttachValkey() {
        String reason = FailureExplainer.startFailure(
                1,
                false,
                8080,
                "512 MB",
                List.of("redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379."));
        assertThat(reason)
                .contains("The app could not connect to its Redis store")
                .contains("REDIS_URL");
    }

    @Test
    void aServerMerelyMentioningAPortOfItsOwnIsNotMistakenForADatabaseFailure() {
        assertThat(FailureExplainer.startFailure(null, false, 8080, "512 MB", List.of("Server listening on port 3000")))
                .doesNotContain("database");
    }

    @Test
    void aBuildWhoseLastLinesAreAStackTraceIsExplainedByItsErrorLineNotByTheEnginesSummary() {
        String reason = FailureExplainer.buildFailure(
                "The command '/bin/sh -c npm run build' returned a non-zero code: 1",
                "RUN npm run build",
                List.of(
                        " \u001B[0m \u001B[91m",
                        " ERROR  Build failed with 2 errors:",
                        "",
                        "[EXTERNAL_MODULES_CANNOT_BE_TRANSFORMED_TO_MODULES] \"node_modules/unctx/dist/index.mjs\" is"
                                + " resolved as a module now",
                        "    at aggregateBindingErrorsIntoJsError (node_modules/rolldown/dist/error.mjs:110:18)",
                        "    at async build (node_modules/nuxt/dist/index.mjs:10380:2)",
                        "The command '/bin/sh -c npm run build' returned a non-zero code: 1"));

        assertThat(reason)
                .contains("The error: ERROR  Build failed with 2 errors: [EXTERNAL_MODULES_CANNOT_BE_TRANSFORMED")
                .doesNotContain("Last output")
                .containsOnlyOnce("returned a non-zero code");
    }

    @Test
    void aStackFrameThatMentionsAServerClassIsNotAPortTheAppListensOn() {
        String reason = FailureExplainer.startFailure(
                1,
                false,
                8080,
                "512 MB",
                List.of(
                        "Caused by: java.lang.IllegalArgumentException: Null value for 'password'",
                        "\tat org.postgresql.shaded.com.ongres.scram.client.ScramSession$ServerFirstProcessor"
                                + ".clientFinalProcessor(ScramSession.java:128) ~[postgresql-42.2.12.jar!/:42.2.12]",
                        "\tat org.postgresql.jre7.sasl.ScramAuthenticator.processServerFirstMessage"
                                + "(ScramAuthenticator.java:132) ~[postgresql-42.2.12.jar!/:42.2.12]"));

        assertThat(reason).doesNotContain("listens on port").contains("Null value for 'password'");
        assertThat(FailureExplainer.startFailure(
                        1,
                        false,
                        8080,
                        "512 MB",
                        List.of(
                                "Error: boom",
                                "    at async Server.listen (/app/server.js:123:4)",
                                "    at /app/x.js:10:5")))
                .doesNotContain("listens on port");
    }
}
