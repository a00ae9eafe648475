package dev.dropdeploy.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exec bits and CRLF wrappers are made here: git does not keep them reliably in fixtures. */
class HygieneTest {

    private static final String POM = "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent>"
            + "<dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies>"
            + "<build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>"
            + "</project>";
    private static final Map<String, String> MAVEN_APP = Map.of(
            "pom.xml",
            POM,
            ".mvn/wrapper/maven-wrapper.properties",
            "distributionUrl=https://repo.maven.apache.org/x.zip\n");

    @Test
    void aWrapperWithWindowsLineEndingsIsFlaggedAndTheImageMavenIsUsed(@TempDir Path dir) throws IOException {
        Trees.write(dir, MAVEN_APP);
        Path mvnw = Files.writeString(dir.resolve("mvnw"), "#!/bin/sh\r\nexec mvn \"$@\"\r\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));

        DetectionReport report = new StackDetector().detect(dir);

        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("CRLF_WRAPPER");
        assertThat(report.commands().build()).startsWith("mvn ");
    }

    @Test
    void aWrapperWithoutTheExecBitIsFlaggedAndRunThroughSh(@TempDir Path dir) throws IOException {
        Trees.write(dir, MAVEN_APP);
        Path mvnw = Files.writeString(dir.resolve("mvnw"), "#!/bin/sh\nexec mvn \"$@\"\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rw-r--r--"));

        DetectionReport report = new StackDetector().detect(dir);

        assertThat(report.warnings()).extracting(DetectionWarning::code).contains("NOT_EXECUTABLE");
        assertThat(report.commands().build()).startsWith("sh ./mvnw ");
    }

    @Test
    void anExecutableWrapperIsUsedAsIs(@TempDir Path dir) throws IOException {
        Trees.write(dir, MAVEN_APP);
        Path mvnw = Files.writeString(dir.resolve("mvnw"), "#!/bin/sh\nexec mvn \"$@\"\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));

        DetectionReport report = new StackDetector().detect(dir);

        assertThat(report.commands().build()).startsWith("./mvnw ");
        assertThat(report.warnings())
                .extracting(DetectionWarning::code)
                .doesNotContain("NOT_EXECUTABLE", "CRLF_WRAPPER");
    }

    @Test
    void uploadedDependenciesAreIgnoredAndReported(@TempDir Path dir) {
        Trees.write(
                dir,
                Map.of(
                        "index.html", "<h1>x</h1>",
                        "node_modules/left-pad/index.js", "module.exports = 1;",
                        ".venv/bin/python", "",
                        "target/classes/A.class", ""));

        DetectionReport report = new StackDetector().detect(dir);

        assertThat(report.warnings())
                .filteredOn(w -> w.code().equals("DEPENDENCIES_UPLOADED"))
                .extracting(DetectionWarning::file)
                .containsExactlyInAnyOrder("node_modules", ".venv", "target");
    }

    @Test
    void aCommittedEnvFileIsFlaggedButAnExampleIsNot(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "index.html",
                        "<h1>x</h1>",
                        ".env",
                        "KEY=1",
                        ".env.example",
                        "KEY=",
                        ".env.production",
                        "KEY=2"));

        assertThat(report.warnings())
                .filteredOn(w -> w.code().equals("COMMITTED_ENV"))
                .extracting(DetectionWarning::file)
                .containsExactlyInAnyOrder(".env", ".env.production");
    }
}
