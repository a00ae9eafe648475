package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Programs that do not serve HTTP get the run page's server in front of their own command. */
class RunPageDockerfilesTest {

    @TempDir
    Path dir;

    private final Dockerfiles dockerfiles = new Dockerfiles(
            name -> "catalog/" + name + ":1",
            new BuildProperties(null, Path.of("/nonexistent"), Path.of("templates")),
            new RunPageProperties(Duration.ofSeconds(7), DataSize.ofKilobytes(64), 3, DataSize.ofMegabytes(2)));

    private GeneratedDockerfile generate(Map<String, String> files) {
        DetectionReport report = Trees.detect(dir, files);
        assertThat(report.webServer()).isFalse();
        return dockerfiles.generate(report, dir);
    }

    @Test
    void aPythonScriptRunsBehindTheRunnerWithItsOwnCommandAndTheConfiguredLimits() {
        GeneratedDockerfile generated = generate(Map.of("main.py", "name = input('Name? ')\nprint('hi', name)\n"));
        List<String> lines = generated.dockerfile().lines().toList();
        int runnerStage = lines.indexOf("FROM catalog/go:1 AS dropdeploy-runner");
        int appStage = lines.indexOf("FROM catalog/python:1");
        int command = lines.indexOf("CMD exec python main.py");
        int entrypoint = lines.indexOf("ENTRYPOINT [\"/usr/local/bin/dropdeploy-runner\", \"--\"]");
        assertThat(runnerStage).isNotNegative().isLessThan(appStage);
        assertThat(command).isGreaterThan(appStage).isLessThan(entrypoint);
        assertThat(generated.dockerfile())
                .contains("DROPDEPLOY_RUN_SECONDS=7", "DROPDEPLOY_RUN_OUTPUT_BYTES=65536")
                .contains("DROPDEPLOY_RUN_CONCURRENCY=3", "DROPDEPLOY_RUN_UPLOAD_BYTES=2097152")
                .contains("COPY .dropdeploy/run.json /opt/dropdeploy/run.json");
        assertThat(generated.extraContextFiles())
                .containsKeys(
                        ".dropdeploy/runner/go.mod", ".dropdeploy/runner/main.go", ".dropdeploy/runner/page/page.js");
        assertThat(generated.generatedContextFiles().get(".dropdeploy/run.json"))
                .contains("\"prompts\":[\"Name?\"]", "\"autoRun\":false");
        assertThat(generated.notes()).anyMatch(note -> note.contains("run page"));
    }

    @Test
    void everyCompiledStackKeepsItsOwnCommandAfterTheRunner() {
        Map<String, Map<String, String>> programs = Map.of(
                "CMD [\"/usr/local/bin/server\"]",
                Map.of("go.mod", "module example.com/hello\n\ngo 1.22\n", "main.go", """
                        package main

                        import "fmt"

                        func main() { fmt.Println("hello") }
                        """),
                "CMD [\"java\", \"-jar\", \"/app/app.jar\"]",
                Map.of("Hello.java", """
                        public class Hello {
                            public static void main(String[] args) { System.out.println("hello"); }
                        }
                        """),
                "CMD exec node count.js",
                Map.of(
                        "package.json",
                        "{\"name\":\"count\",\"scripts\":{\"start\":\"node count.js\"}}",
                        "count.js",
                        "for (let i = 0; i < 3; i++) console.log(i);\n"));
        programs.forEach((command, files) -> {
            Path folder = dir.resolve(String.valueOf(Math.abs(command.hashCode())));
            DetectionReport report = Trees.detect(folder, files);
            String dockerfile = dockerfiles.generate(report, folder).dockerfile();
            List<String> lines = dockerfile.lines().toList();
            assertThat(lines).as(command).contains(command);
            assertThat(lines.indexOf(command))
                    .as(dockerfile)
                    .isLessThan(lines.indexOf("ENTRYPOINT [\"/usr/local/bin/dropdeploy-runner\", \"--\"]"));
            assertThat(lines.getFirst().startsWith("FROM") ? lines.getFirst() : dockerfile)
                    .contains("dropdeploy-runner");
        });
    }

    @Test
    void aWebAppHasNoRunner() {
        DetectionReport report = Trees.detect(
                dir,
                Map.of("app.py", "from flask import Flask\napp = Flask(__name__)\n", "requirements.txt", "flask\n"));
        GeneratedDockerfile generated = dockerfiles.generate(report, dir);
        assertThat(generated.dockerfile()).doesNotContain("dropdeploy-runner");
        assertThat(generated.extraContextFiles()).doesNotContainKey(".dropdeploy/runner/main.go");
        assertThat(generated.generatedContextFiles()).isEmpty();
    }
}
