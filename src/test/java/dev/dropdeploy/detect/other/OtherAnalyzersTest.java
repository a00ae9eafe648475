package dev.dropdeploy.detect.other;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.StackDetector;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherAnalyzersTest {

    @Test
    void withTheOwnDockerfileLeftAsideTheCodeIsDetectedAsItWouldBeWithoutIt(@TempDir Path dir) {
        Path tree = Trees.write(
                dir,
                Map.of(
                        "Dockerfile",
                        "FROM heroku/heroku:24-build as build\nCOPY . /app\n",
                        "go.mod",
                        "module example.com/site\n\ngo 1.22\n",
                        "main.go",
                        "package main\n\nimport (\"net/http\"; \"os\")\n\nfunc main() {\n"
                                + "\thttp.ListenAndServe(\":\"+os.Getenv(\"PORT\"), nil)\n}\n"));

        assertThat(new StackDetector().detect(tree).stack()).isEqualTo(Stack.DOCKERFILE);
        assertThat(new StackDetector().detectFromCode(tree).stack()).isEqualTo(Stack.GO);
    }

    @Test
    void aHugoSiteIsBuiltWithHugoAndServedFromItsPublishDirAndAMissingThemeIsSaid(@TempDir Path dir) {
        DetectionReport site = Trees.detect(
                dir.resolve("site"),
                Map.of(
                        "config.toml", "baseURL = \"http://example.org/\"\ntitle = \"Site\"\ntheme = \"ananke\"\n",
                        "content/posts/first.md", "---\ntitle: First\n---\nHello\n",
                        "themes/ananke/layouts/index.html", "<html>{{ .Title }}</html>\n",
                        "themes/ananke/src/package.json", "{\"scripts\":{\"build\":\"postcss\"}}"));
        DetectionReport noTheme = Trees.detect(
                dir.resolve("submodule"),
                Map.of(
                        "hugo.yaml", "title: Site\ntheme: papermod\npublishDir: dist\n",
                        "content/_index.md", "Hello\n"));

        assertThat(site.stack()).isEqualTo(Stack.SPA);
        assertThat(site.framework()).isEqualTo("hugo");
        assertThat(site.appDirectory()).isEmpty();
        assertThat(site.commands().build()).isEqualTo("hugo --minify");
        assertThat(site.staticOutputDir()).isEqualTo("public");
        assertThat(site.needs().buildPackages()).containsExactly("hugo");
        assertThat(site.warnings()).noneMatch(w -> w.code().equals("THEME_MISSING"));
        assertThat(noTheme.staticOutputDir()).isEqualTo("dist");
        assertThat(Trees.detect(
                                dir.resolve("hostile"),
                                Map.of(
                                        "hugo.toml", "publishDir = \"../../$(id)\"\n",
                                        "content/_index.md", "Hello\n"))
                        .staticOutputDir())
                .as("a publishDir outside the site or with shell syntax is not written into the Dockerfile")
                .isEqualTo("public");
        assertThat(noTheme.warnings())
                .anySatisfy(w -> assertThat(w.message()).contains("themes/papermod", "submodule"));
    }

    @Test
    void aGoServerOnLocalhostIsReported(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "go.mod",
                        "module x\n\ngo 1.22\n",
                        "main.go",
                        "package main\n\nimport \"net/http\"\n\nfunc main() {\n"
                                + "\thttp.ListenAndServe(\"127.0.0.1:8080\", nil)\n}\n"));

        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("BOUND_TO_LOCALHOST");
        assertThat(report.warnings())
                .filteredOn(w -> w.code().equals("BOUND_TO_LOCALHOST"))
                .extracting(DetectionWarning::line)
                .containsExactly(6);
    }

    @Test
    void aGoModuleWithoutGoSumIsTidiedAndOneWithItIsDownloaded(@TempDir Path dir) throws Exception {
        Map<String, String> files = Map.of(
                "go.mod",
                "module x\n\ngo 1.22\n",
                "main.go",
                "package main\n\nimport \"net/http\"\n\nfunc main() {\n"
                        + "\thttp.ListenAndServe(\":8080\", nil)\n}\n");

        DetectionReport withoutSum = Trees.detect(dir.resolve("a"), files);
        java.util.Map<String, String> withSum = new java.util.HashMap<>(files);
        withSum.put("go.sum", "");
        DetectionReport summed = Trees.detect(dir.resolve("b"), withSum);

        assertThat(withoutSum.commands().install()).isEqualTo("go mod tidy");
        assertThat(summed.commands().install()).isEqualTo("go mod download");
    }

    @Test
    void goCodeWithoutGoModIsAModuleNamedAfterItsOwnImportsOrApp(@TempDir Path dir) {
        DetectionReport cut = Trees.detect(
                dir.resolve("cut"),
                Map.of(
                        "main.go",
                        "package main\n\nimport (\n\t\"net/http\"\n\t\"encoding/json\"\n"
                                + "\t\"github.com/acme/examples/shop/routes\"\n)\n\nfunc main() {\n"
                                + "\troutes.Add()\n\thttp.ListenAndServe(\":8080\", nil)\n}\n",
                        "routes/routes.go",
                        "package routes\n\nfunc Add() {}\n",
                        "json/notes.go",
                        "package json\n"));
        DetectionReport alone = Trees.detect(
                dir.resolve("alone"),
                Map.of("main.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n"));

        assertThat(cut.stack()).isEqualTo(Stack.GO);
        assertThat(cut.framework()).isEqualTo("net/http");
        assertThat(cut.commands().install()).isEqualTo("go mod init github.com/acme/examples/shop && go mod tidy");
        assertThat(alone.stack()).isEqualTo(Stack.GO);
        assertThat(alone.webServer()).isFalse();
        assertThat(alone.commands().install()).isEqualTo("go mod init app && go mod tidy");
    }

    @Test
    void goLibraryCodeWithoutGoModIsNotAnApp(@TempDir Path dir) {
        DetectionReport report = Trees.detect(dir, Map.of("lib/util.go", "package util\n\nfunc Add() {}\n"));

        assertThat(report.stack()).isNotEqualTo(Stack.GO);
    }

    @Test
    void aGinServerWithAFixedRunAddressKeepsThatPort(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "go.mod",
                        "module x\n\ngo 1.22\n",
                        "main.go",
                        "package main\n\nimport \"github.com/gin-gonic/gin\"\n\nfunc main() {\n"
                                + "\tr := gin.Default()\n\tr.Run(\":3000\")\n}\n"));

        assertThat(report.framework()).isEqualTo("gin");
        assertThat(report.port()).isEqualTo(3000);
    }

    @Test
    void aLaravelAppIsServedFromPublic(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "composer.json",
                        "{\"require\":{\"php\":\"^8.2\",\"laravel/framework\":\"^11.0\"}}",
                        "artisan",
                        "#!/usr/bin/env php\n",
                        "public/index.php",
                        "<?php\n"));

        assertThat(report.framework()).isEqualTo("laravel");
        assertThat(report.commands().start()).isEqualTo("php -S 0.0.0.0:$PORT -t public");
        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("NO_LOCKFILE");
    }

    @Test
    void aDockerfileWithoutExposeAssumesPortAndSaysSo(@TempDir Path dir) {
        DetectionReport report = Trees.detect(dir, Map.of("Dockerfile", "FROM nginx\nCOPY . /usr/share/nginx/html\n"));

        assertThat(report.stack()).isEqualTo(Stack.DOCKERFILE);
        assertThat(report.port()).isEqualTo(8080);
        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("NO_EXPOSE");
    }

    @Test
    void aGoProgramWhosePackageOnlyCallsAWebServiceIsStillAProgramNotAServer(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "go.mod", "module example.com/weather\n\ngo 1.24\n",
                        "main.go",
                                "package main\n\nimport \"example.com/weather/client\"\n\n"
                                        + "func main() { client.Print() }\n",
                        "client/client.go",
                                "package client\n\nimport (\"fmt\"; \"net/http\")\n\n"
                                        + "func Print() { r, _ := http.Get(\"http://example.com\"); fmt.Println(r) }\n"));

        assertThat(report.webServer()).isFalse();
    }

    /** The probe and the visitor check request this path: a name with a space must not make it an invalid URL. */
    @Test
    void aLonePageWithASpaceInItsNameIsCheckedAtItsEncodedPath(@TempDir Path dir) {
        DetectionReport report = Trees.detect(dir, Map.of("Untitled page.html", "<html><body>Hi</body></html>\n"));

        assertThat(report.healthPath()).isEqualTo("/Untitled%20page.html");
    }
}
