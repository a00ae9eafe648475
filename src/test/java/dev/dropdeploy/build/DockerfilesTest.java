package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dropdeploy.detect.BuildNeeds;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfilesTest {

    private static final Pattern SECRET_ENV = Pattern.compile("(?i)^ENV .*(password|secret|token|api_?key)");

    @TempDir
    Path caFolder;

    private Dockerfiles dockerfiles(Path ca) {
        return new Dockerfiles(name -> "catalog/" + name + ":1", new BuildProperties(null, ca, Path.of("templates")));
    }

    private String dockerfile(DetectionReport report) {
        return dockerfiles(caFolder).generate(report).dockerfile();
    }

    @Test
    void everyStackInstallsDependenciesBeforeTheSourceIsCopied() {
        for (DetectionReport report : List.of(Reports.vite(), Reports.express(), Reports.flask(), Reports.goHttp())) {
            List<String> lines = dockerfile(report).lines().toList();
            int install = indexOf(lines, "RUN ", "npm ci", "pip install", "go mod download");
            int source = lines.indexOf("COPY . .");
            assertThat(install).as(report.stack().name()).isPositive().isLessThan(source);
        }
    }

    @Test
    void theDetectorsInstallCommandIsUsedWithTheManifestsItNeeds() {
        List<String> lines = dockerfile(Reports.flask()).lines().toList();

        assertThat(lines)
                .containsSubsequence(
                        "COPY requirements*.txt ./",
                        "RUN python3 /opt/dropdeploy/dropdeploy_pins.py pip install --no-cache-dir -r requirements.txt"
                                + " gunicorn",
                        "COPY . .",
                        "CMD exec gunicorn -b 0.0.0.0:$PORT 'app:app'");
    }

    @Test
    void anInstallThatBuildsTheProjectItselfRunsAfterTheSource() {
        List<String> lines = dockerfile(Reports.python("pip install --no-cache-dir .", "uvicorn main:app"))
                .lines()
                .toList();

        assertThat(lines)
                .containsSubsequence(
                        "COPY . .", "RUN python3 /opt/dropdeploy/dropdeploy_pins.py pip install --no-cache-dir .");
        assertThat(lines).noneMatch(line -> line.startsWith("COPY requirements"));
    }

    @Test
    void anAppWithoutDependenciesHasNoInstallStep() {
        assertThat(dockerfile(Reports.python(null, "python server.py"))).doesNotContain("pip install");
    }

    @Test
    void aGoModuleWithoutGoSumIsTidiedAfterTheSourceArrivesAndOthersAreNot() {
        String tidy = dockerfile(Reports.goModule("go mod tidy"));

        assertThat(tidy.indexOf("COPY . .")).isLessThan(tidy.indexOf("RUN go mod tidy"));
        assertThat(tidy.indexOf("RUN go mod tidy")).isLessThan(tidy.indexOf("RUN go build -trimpath -ldflags"));
        assertThat(dockerfile(Reports.goHttp())).doesNotContain("go mod tidy");
    }

    @Test
    void typeScriptRunAsItIsGetsTsxFromTheRegistryAtBuildTimeAndAnExportedAppItsLauncher() {
        GeneratedDockerfile exported =
                dockerfiles(caFolder).generate(Reports.node("npx tsx .dropdeploy/serve-exported.mjs src/index.ts"));

        assertThat(exported.dockerfile())
                .contains("RUN npm install -g --prefix /opt/tsx tsx@4", "ENV PATH=/opt/tsx/bin:$PATH")
                .contains("CMD exec tsx .dropdeploy/serve-exported.mjs src/index.ts")
                .doesNotContain("npx");
        assertThat(exported.extraContextFiles()).containsKey(".dropdeploy/serve-exported.mjs");
        assertThat(dockerfile(Reports.node("node server.js"))).doesNotContain("tsx");
    }

    @Test
    void aNodeServerAskingForLocalhostIsStartedOnEveryInterfaceByAPreload() {
        GeneratedDockerfile generated = dockerfiles(caFolder).generate(Reports.node("node server.js"));

        assertThat(generated.dockerfile())
                .contains("COPY .dropdeploy/listen-all.cjs /opt/dropdeploy/listen-all.cjs")
                .contains("NODE_OPTIONS=\"--require /opt/dropdeploy/listen-all.cjs\"");
        assertThat(generated.extraContextFiles())
                .containsEntry(".dropdeploy/listen-all.cjs", Path.of("templates/node/listen-all.cjs"));
    }

    @Test
    void goCodeWithoutGoModGetsTheModuleCreatedBeforeTheSourceArrivesAndTidiedAfter() {
        String init = dockerfile(Reports.goModule("go mod init example.com/m && go mod tidy"));

        assertThat(init).doesNotContain("COPY go.mod");
        assertThat(init.indexOf("RUN go mod init example.com/m")).isLessThan(init.indexOf("COPY . ."));
        assertThat(init.indexOf("COPY . .")).isLessThan(init.indexOf("RUN go mod tidy"));
        assertThat(dockerfile(Reports.goModule("go mod tidy"))).contains("COPY go.mod go.sum* ./");
    }

    @Test
    void projectsOfAPythonToolRunInTheirOwnVenvUnderAppWithTheToolKeptApart() {
        Map<String, String> lockfiles = Map.of(
                "uv",
                "pyproject.toml uv.lock*",
                "poetry",
                "pyproject.toml poetry.lock*",
                "pipenv",
                "Pipfile Pipfile.lock*",
                "pdm",
                "pyproject.toml pdm.lock*");
        lockfiles.forEach((tool, manifests) -> {
            List<String> lines =
                    dockerfile(Reports.pythonWith(tool, null)).lines().toList();

            assertThat(lines)
                    .as(tool)
                    .contains("    VIRTUAL_ENV=/app/.venv \\", "    UV_PROJECT_ENVIRONMENT=/app/.venv \\")
                    .contains("    PATH=/app/.venv/bin:/opt/tools/bin:$PATH")
                    .containsSubsequence(
                            "RUN python3 -m venv /app/.venv",
                            "RUN python3 -m venv /opt/tools && /opt/tools/bin/pip install --no-cache-dir " + tool
                                    + (tool.equals("pdm") ? " 'hishel<2'" : ""),
                            "COPY " + manifests + " ./",
                            "COPY . .")
                    .noneMatch(line -> line.contains("dropdeploy_pins"));
        });
        assertThat(dockerfile(Reports.flask()))
                .contains("VIRTUAL_ENV=/opt/venv")
                .doesNotContain("/opt/tools/bin/pip");
    }

    @Test
    void aPipInstallRunsThroughThePinsHelperThatTheContextCarries() {
        GeneratedDockerfile generated = dockerfiles(caFolder).generate(Reports.flask());
        List<String> lines = generated.dockerfile().lines().toList();

        assertThat(lines)
                .containsSubsequence(
                        "COPY .dropdeploy/dropdeploy_pins.py /opt/dropdeploy/",
                        "COPY requirements*.txt ./",
                        "RUN python3 /opt/dropdeploy/dropdeploy_pins.py pip install --no-cache-dir -r requirements.txt"
                                + " gunicorn",
                        "COPY . .");
        assertThat(generated.extraContextFiles()).containsKey(".dropdeploy/dropdeploy_pins.py");
        assertThat(dockerfiles(caFolder)
                        .generate(Reports.pythonWith("uv", null))
                        .extraContextFiles())
                .doesNotContainKey(".dropdeploy/dropdeploy_pins.py");
        assertThat(dockerfile(Reports.python(null, "python server.py"))).doesNotContain("dropdeploy_pins");
    }

    @Test
    void mavenResolvesDependenciesFromThePomBeforeTheSourceArrives() {
        List<String> lines = dockerfile(Reports.springBootMaven()).lines().toList();

        assertThat(lines)
                .containsSubsequence(
                        "COPY pom.xml ./",
                        "RUN mvn -B -ntp -q dependency:go-offline"
                                + " || echo \"dependency:go-offline incomplete; package resolves the rest\"",
                        "COPY . .");
        assertThat(lines).anyMatch(line -> line.startsWith("RUN mvn -B -ntp package"));
    }

    @Test
    void anNpmLockfileOutOfStepWithPackageJsonFallsBackToNpmInstallAndSaysSo() {
        assertThat(dockerfile(Reports.express()))
                .contains("RUN npm ci || { echo 'DropDeploy: npm ci failed", "npm install; }");
    }

    @Test
    void nodeBuildsIgnoreYarnsEnginesCheckSkipTestBrowsersAndProjectsForNodeBefore17GetTheLegacyOpensslProvider() {
        String old = dockerfile(Reports.withRuntimeVersion(Reports.vite(), "16"));
        String current = dockerfile(Reports.withRuntimeVersion(Reports.express(), "20"));
        String classic = dockerfile(Reports.yarn("yarn install --frozen-lockfile", "yarn@1.22.22"));
        String berry = dockerfile(
                Reports.yarn("YARN_ENABLE_GLOBAL_CACHE=false yarn install --immutable", "@yarnpkg/cli-dist@4.5.3"));

        assertThat(old).contains("ENV NODE_OPTIONS=--openssl-legacy-provider");
        assertThat(old).contains("CYPRESS_INSTALL_BINARY=0", "PUPPETEER_SKIP_DOWNLOAD=true");
        assertThat(old.indexOf("--openssl-legacy-provider")).isLessThan(old.indexOf("RUN npm run build"));
        assertThat(current).doesNotContain("--openssl-legacy-provider");
        assertThat(classic.indexOf("ENV YARN_IGNORE_ENGINES=true"))
                .as("before the install")
                .isPositive()
                .isLessThan(classic.indexOf("RUN yarn install"));
        assertThat(classic).contains("ENV YARN_IGNORE_ENGINES=true\nEXPOSE");
        assertThat(berry).as("yarn 2+ refuses settings it does not know").doesNotContain("YARN_IGNORE_ENGINES");
        assertThat(current).doesNotContain("YARN_IGNORE_ENGINES");
        assertThat(current.indexOf("ENV npm_config_engine_strict=false"))
                .as("an .npmrc's engine-strict=true would refuse the catalog's Node")
                .isPositive()
                .isLessThan(current.indexOf("RUN npm"));
        assertThat(dockerfile(Reports.vite())).doesNotContain("--openssl-legacy-provider");
    }

    @Test
    void aHugoSiteIsBuiltInDebianWithDebiansHugoAndOnlyItsOutputIsServed() {
        GeneratedDockerfile generated = dockerfiles(caFolder).generate(Reports.hugo());

        assertThat(generated.dockerfile())
                .contains("FROM catalog/debian:1 AS build", "apt-get install -y --no-install-recommends hugo")
                .contains("RUN hugo --minify", "mv \"public\" /site", "FROM catalog/static:1")
                .contains("COPY --from=build /site/ /srv/")
                .doesNotContain("npm", "node");
        assertThat(generated.extraContextFiles()).containsKey(".dropdeploy/Caddyfile");
        assertThat(generated.dockerignore()).contains("public");
    }

    @Test
    void everyImageRunsAsTheFixedNonRootUser() {
        for (DetectionReport report : Reports.everyFamily()) {
            List<String> lines = dockerfile(report).lines().toList();
            assertThat(lines.getLast()).as(report.stack().name()).startsWith("CMD ");
            assertThat(lines).as(report.stack().name()).contains("USER 10001");
            assertThat(lines.stream().filter(line -> line.startsWith("USER "))).containsOnly("USER 10001");
        }
    }

    @Test
    void noEnvironmentVariableCarriesASecret() {
        for (DetectionReport report : Reports.everyFamily()) {
            assertThat(dockerfile(report).lines())
                    .noneMatch(line -> SECRET_ENV.matcher(line).find());
        }
    }

    @Test
    void everyBaseImageComesFromTheCatalog() {
        for (DetectionReport report : Reports.everyFamily()) {
            assertThat(dockerfile(report).lines().filter(line -> line.startsWith("FROM ")))
                    .as(report.stack().name())
                    .isNotEmpty()
                    .allMatch(line -> line.matches("FROM catalog/[a-z]+:1( AS build)?"));
        }
        assertThat(dockerfile(Reports.springBootMaven()))
                .contains("FROM catalog/maven:1 AS build", "FROM catalog/jre:1");
        assertThat(dockerfile(Reports.vite())).contains("FROM catalog/node:1 AS build", "FROM catalog/static:1");
    }

    @Test
    void theClassicBuilderCanBuildEveryDockerfile() {
        for (DetectionReport report : Reports.everyFamily()) {
            assertThat(dockerfile(report))
                    .as(report.stack().name())
                    .doesNotContain("--mount", "--chmod", "<<", "{{", "syntax=", "HEALTHCHECK");
        }
    }

    @Test
    void thePortIsSetAndExposed() {
        for (DetectionReport report : Reports.everyFamily()) {
            assertThat(dockerfile(report)).contains("PORT=" + report.port()).contains("EXPOSE " + report.port());
        }
    }

    @Test
    void theCaCertificatesAreTrustedOnlyWhenSomeAreConfigured() throws IOException {
        Files.writeString(caFolder.resolve("proxy.crt"), "-----BEGIN CERTIFICATE-----");
        Files.writeString(caFolder.resolve("readme.txt"), "not a certificate");

        GeneratedDockerfile withCa = dockerfiles(caFolder).generate(Reports.flask());
        GeneratedDockerfile without = dockerfiles(caFolder.resolve("missing")).generate(Reports.flask());

        assertThat(withCa.extraContextFiles())
                .containsOnlyKeys(".dropdeploy/ca/proxy.crt", ".dropdeploy/dropdeploy_pins.py");
        assertThat(withCa.dockerfile())
                .contains("COPY .dropdeploy/ca/ /usr/local/share/ca-certificates/", "update-ca-certificates")
                .contains("PIP_CERT=", "REQUESTS_CA_BUNDLE=", "NODE_EXTRA_CA_CERTS=", "SSL_CERT_FILE=");
        assertThat(without.extraContextFiles()).containsOnlyKeys(".dropdeploy/dropdeploy_pins.py");
        assertThat(without.dockerfile()).doesNotContain(".dropdeploy/ca", "update-ca-certificates", "SSL_CERT_FILE");
    }

    @Test
    void javaBuildsAlsoTrustTheCertificatesInTheJdkTruststore() throws IOException {
        Files.writeString(caFolder.resolve("proxy.crt"), "-----BEGIN CERTIFICATE-----");

        assertThat(dockerfile(Reports.springBootMaven())).contains("keytool -importcert -noprompt -cacerts");
    }

    @Test
    void staticSitesAndSpasAreServedByCaddyWithTheirOwnCaddyfile() {
        GeneratedDockerfile spa = dockerfiles(caFolder).generate(Reports.vite());

        assertThat(spa.extraContextFiles())
                .containsEntry(".dropdeploy/Caddyfile", Path.of("templates/caddy/spa.Caddyfile"));
        assertThat(spa.dockerfile())
                .contains("for d in dist build out ", "mv \"$d\" /site", "COPY --from=build /site/ /srv/")
                .contains("CMD [\"caddy\", \"run\"");
        assertThat(dockerfiles(caFolder).generate(Reports.staticSite()).extraContextFiles())
                .containsEntry(".dropdeploy/Caddyfile", Path.of("templates/caddy/static.Caddyfile"));
    }

    @Test
    void theDockerignoreKeepsVcsDataDependenciesAndBuildOutputOutButNotTheBuildFiles() {
        String ignore =
                dockerfiles(caFolder).generate(Reports.springBootMaven()).dockerignore();

        assertThat(ignore.lines()).contains(".git", "**/node_modules", "target", "**/.venv", "**/__pycache__");
        assertThat(ignore).doesNotContain(".dropdeploy");
        assertThat(dockerfiles(caFolder).generate(Reports.vite()).dockerignore().lines())
                .contains("dist");
        assertThat(dockerfiles(caFolder)
                        .generate(Reports.staticSite())
                        .dockerignore()
                        .lines())
                .doesNotContain("dist", "build", "target");
    }

    @Test
    void startCommandsRunAsPidOneWhenTheyAreSimple() {
        assertThat(dockerfile(Reports.express())).endsWith("CMD exec node server.js\n");
        assertThat(DockerfileModel.shell("npm run migrate && npm start")).isEqualTo("npm run migrate && npm start");
    }

    @Test
    void notesExplainTheChoicesInPlainWords() {
        List<String> notes = dockerfiles(caFolder)
                .generate(Reports.withWarning(Reports.vite(), "NO_LOCKFILE"))
                .notes();

        assertThat(notes).anyMatch(note -> note.startsWith("No lockfile"));
        assertThat(notes).anyMatch(note -> note.contains("served as static files by Caddy"));
    }

    @Test
    void theProjectsOwnDockerfileIsLeftAsItIs() {
        GeneratedDockerfile own =
                dockerfiles(caFolder).generate(Reports.withStack(Reports.express(), Stack.DOCKERFILE, true));

        assertThat(own.dockerfile()).isNull();
        assertThat(own.notes()).singleElement().asString().contains("own Dockerfile");
    }

    @Test
    void theProjectsOwnDockerfileIsVettedAndBuiltFromTheCatalogWithItsOwnIgnoreFile() throws IOException {
        Path app = Files.createDirectories(caFolder.resolve("own-app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\n");
        Files.writeString(app.resolve(".dockerignore"), "secrets/\n");

        GeneratedDockerfile own =
                dockerfiles(caFolder).generate(Reports.withStack(Reports.express(), Stack.DOCKERFILE, true), app);

        assertThat(own.dockerfile()).isEqualTo("FROM catalog/python:1\nCOPY . /app\nEXPOSE 8000\n");
        assertThat(own.dockerignore()).isEqualTo("secrets/\n");
        assertThat(own.notes()).anySatisfy(note -> assertThat(note).contains("python:3.12-slim"));
    }

    @Test
    void anOwnDockerfileThatCopiesAFileTheProjectLacksGivesWayToTheCodesOwnBuild() throws IOException {
        Path app = Files.createDirectories(caFolder.resolve("template-app"));
        Files.writeString(
                app.resolve("Dockerfile"),
                "FROM node:20-alpine AS deps\nCOPY . /app\nRUN npm ci\n"
                        + "FROM node:20-alpine\nCOPY ./package.json package-lock.json /app/\n"
                        + "COPY --from=deps /app/node_modules /app/node_modules\nCOPY src/*.js /app/\n");
        Files.writeString(app.resolve("package.json"), "{}");

        assertThatThrownBy(() -> dockerfiles(caFolder)
                        .generate(Reports.withStack(Reports.express(), Stack.DOCKERFILE, true), app))
                .isInstanceOf(OwnDockerfileUnusable.class)
                .hasMessageContaining("copies package-lock.json (line 5), which the project does not have");

        Files.writeString(app.resolve("package-lock.json"), "{}");
        assertThat(dockerfiles(caFolder)
                        .generate(Reports.withStack(Reports.express(), Stack.DOCKERFILE, true), app)
                        .dockerfile())
                .contains("COPY ./package.json package-lock.json /app/");
    }

    @Test
    void unknownStacksAreRefusedClearly() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> dockerfile(Reports.withStack(Reports.flask(), Stack.UNKNOWN, true)))
                .withMessageContaining("No stack was detected");
    }

    private static int indexOf(List<String> lines, String prefix, String... needles) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(prefix) && List.of(needles).stream().anyMatch(line::contains)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void phpsBuiltInServerGetsTheRouterThatKeepsDotfilesFromBeingServed() {
        GeneratedDockerfile php = dockerfiles(caFolder).generate(Reports.php());

        assertThat(php.extraContextFiles())
                .containsEntry(".dropdeploy/router.php", Path.of("templates/php/router.php"));
        assertThat(php.dockerfile())
                .contains("cp .dropdeploy/router.php /opt/dropdeploy/router.php")
                .contains("php -S 0.0.0.0:$PORT -t . /opt/dropdeploy/router.php");
    }

    @Test
    void anAppsOwnPhpRouterIsLeftAsItIs() {
        assertThat(DockerfileModel.withRouter("php -S 0.0.0.0:$PORT -t public public/router.php"))
                .isEqualTo("php -S 0.0.0.0:$PORT -t public public/router.php");
        assertThat(DockerfileModel.withRouter("php -S 0.0.0.0:$PORT"))
                .isEqualTo("php -S 0.0.0.0:$PORT /opt/dropdeploy/router.php");
    }

    @Test
    void aPackageManagerOtherThanNpmComesFromTheNpmRegistryIntoBothStagesBeforeTheManifests() {
        List<String> lines = dockerfile(Reports.expressWithPnpm()).lines().toList();

        assertThat(lines)
                .containsSubsequence(
                        "RUN npm install -g --prefix /opt/package-manager pnpm@9.15.0",
                        "ENV PATH=/opt/package-manager/bin:$PATH",
                        "COPY package.json package-lock.json* npm-shrinkwrap.json* yarn.lock* pnpm-lock.yaml*"
                                + " pnpm-workspace.yaml* bun.lock* .npmrc* ./",
                        "RUN pnpm install --frozen-lockfile",
                        "COPY --from=build /opt/package-manager /opt/package-manager",
                        "ENV PATH=/opt/package-manager/bin:$PATH",
                        "CMD exec pnpm run start");
        assertThat(String.join("\n", lines)).doesNotContain("corepack enable");
        assertThat(dockerfiles(caFolder).generate(Reports.expressWithPnpm()).notes())
                .anySatisfy(note -> assertThat(note).contains("npm registry (pnpm@9.15.0)"));
    }

    @Test
    void nativeDependenciesGetTheirDebianPackagesInTheDependencyLayerOnlyWhenNeeded() {
        BuildNeeds psycopg2 = new BuildNeeds(null, List.of("gcc", "libpq-dev"), List.of("libpq5"));
        List<String> python =
                dockerfile(Reports.withNeeds(Reports.flask(), psycopg2)).lines().toList();
        List<String> node = dockerfile(Reports.withNeeds(
                        Reports.express(), new BuildNeeds(null, List.of("build-essential"), List.of("libvips42t64"))))
                .lines()
                .toList();

        assertThat(python)
                .filteredOn(line -> line.contains("apt-get install"))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("gcc libpq-dev libpq5 $(python3 -c"));
        assertThat(indexOf(python, " && apt-get install", "gcc"))
                .isPositive()
                .isLessThan(indexOf(python, "RUN ", "pip install"));
        assertThat(node)
                .containsSubsequence(
                        "FROM catalog/node:1 AS build",
                        " && apt-get install -y --no-install-recommends build-essential \\",
                        "RUN export npm_config_nodedir=\"$(dirname \"$(dirname \"$(readlink -f \"$(command -v node)\")\")\")\""
                                + " && npm ci || { echo 'DropDeploy: npm ci failed (package-lock.json may not match"
                                + " package.json); installing with npm install instead'; npm install; }",
                        "FROM catalog/node:1",
                        " && apt-get install -y --no-install-recommends libvips42t64 \\",
                        "COPY --from=build /app /app");
        assertThat(dockerfile(Reports.flask())).doesNotContain("apt-get");
        assertThat(dockerfile(Reports.express())).doesNotContain("apt-get").doesNotContain("/opt/package-manager");
    }

    @Test
    void aDjangoAppServedByGunicornGetsItsHostNamesIntoAllowedHostsAndItsStaticFilesWithoutChangingItsCode() {
        DetectionReport django =
                Reports.python("pip install -r requirements.txt", "gunicorn -b 0.0.0.0:$PORT mysite.wsgi");
        DetectionReport asDjango = new DetectionReport(
                django.stack(),
                "django",
                null,
                "pip",
                "",
                django.commands(),
                8080,
                "/",
                null,
                true,
                "mysite.wsgi",
                0.9,
                List.of(),
                List.of(),
                List.of(),
                BuildNeeds.NONE,
                null,
                null);
        GeneratedDockerfile generated = dockerfiles(caFolder).generate(asDjango);

        assertThat(generated.dockerfile().lines())
                .containsSubsequence(
                        "COPY .dropdeploy/dropdeploy_wsgi.py /opt/dropdeploy/",
                        "ENV DROPDEPLOY_WSGI_MODULE=mysite.wsgi",
                        "COPY . .",
                        "CMD exec gunicorn -b 0.0.0.0:$PORT --pythonpath /opt/dropdeploy dropdeploy_wsgi:application");
        assertThat(generated.extraContextFiles()).containsKey(".dropdeploy/dropdeploy_wsgi.py");
        assertThat(generated.dockerfile())
                .as("static files collected after the source, tolerant of settings that need run-time variables")
                .containsSubsequence("COPY . .", "python manage.py collectstatic --noinput", "|| {", "USER 10001");
        assertThat(dockerfile(Reports.flask())).doesNotContain("dropdeploy_wsgi", "collectstatic");
    }

    @Test
    void aWorkspaceMemberInstallsAtTheRootWithEveryWorkspaceManifestAndRunsInItsOwnFolder() {
        String dockerfile = dockerfile(
                Reports.inWorkspace(Reports.express(), "apps/api", List.of("apps/api", "packages/greeting")));

        assertThat(dockerfile)
                .containsSubsequence(
                        "COPY package.json ",
                        "COPY apps/api/package.json apps/api/",
                        "COPY packages/greeting/package.json packages/greeting/",
                        "RUN npm ci",
                        "COPY . .",
                        "COPY --from=build /app /app",
                        "WORKDIR /app/apps/api",
                        "PATH=/app/apps/api/node_modules/.bin:/app/node_modules/.bin:$PATH",
                        "CMD exec node server.js");
    }

    /** A tenant's folder name must not become instructions: FROM another tenant's image would read its code. */
    @Test
    void aFolderNameWithALineBreakIsRefusedByNameInsteadOfWritingInstructionsOfItsOwn() {
        String hostile = "apps/web\nFROM dd-other/app:v1\nRUN cat /app/secret";

        assertThatThrownBy(() -> dockerfile(Reports.inWorkspace(Reports.express(), hostile, List.of(hostile))))
                .isInstanceOf(BuildFailure.class)
                .hasMessageContaining("line break")
                .hasMessageContaining("apps/web⏎FROM dd-other/app:v1⏎RUN");
        assertThatThrownBy(() -> dockerfile(Reports.nodeWithBuild("node dist/server.js \\ \t")))
                .as("a value ending in a backslash (and blanks) would continue into the template's next line")
                .isInstanceOf(BuildFailure.class);
        assertThat(dockerfile(Reports.inWorkspace(Reports.express(), "apps/web\tx", List.of("apps/web\tx"))))
                .as("a tab stays within its line")
                .contains("WORKDIR /app/apps/web\tx");
    }

    @Test
    void aBuiltServerFileIsLookedForInTheFolderTheStartCommandRunsIn() {
        DetectionReport server = Reports.nodeWithBuild("react-router-serve ./build/server/index.js");

        assertThat(dockerfile(server))
                .contains("RUN if [ ! -e build/server/index.js ]")
                .doesNotContain("RUN cd ");
        assertThat(dockerfile(Reports.inWorkspace(server, "apps/web", List.of("apps/web"))))
                .containsSubsequence(
                        "RUN npm run build",
                        "RUN cd apps/web && if [ ! -e build/server/index.js ]",
                        "WORKDIR /app/apps/web");
    }

    @Test
    void aBuildThatWritesElsewhereThanDetectedIsServedFromTheUsualFolderWithAnIndexAndSaysSo() {
        String dockerfile = dockerfiles(caFolder).generate(Reports.vite()).dockerfile();

        assertThat(dockerfile)
                .contains("find \"$d/index.html\" -newer /tmp/.before-build", "build/client", ".vercel/output/static")
                .contains("the build wrote the site to $d/, not dist/; serving $d/")
                .contains("Error: the build wrote no dist/ folder");
    }

    @Test
    void aWorkspaceMembersStaticOutputIsTakenFromItsOwnFolder() {
        GeneratedDockerfile generated = dockerfiles(caFolder)
                .generate(Reports.inWorkspace(Reports.vite(), "apps/web", List.of("apps/web", "packages/ui")));

        assertThat(generated.dockerfile()).contains("for d in apps/web/dist apps/web/build ");
        assertThat(generated.dockerignore()).contains("apps/web/dist");
    }

    @Test
    void frameworkServersListenOnEveryInterfaceAndFindTheAppsOwnBinaries() {
        assertThat(dockerfile(Reports.express()))
                .contains("HOST=0.0.0.0")
                .contains("PATH=/app/node_modules/.bin:$PATH")
                .doesNotContain("WORKDIR /app/apps");
    }
}
