package dev.dropdeploy.detect.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Trees;
import dev.dropdeploy.detect.system.NativePackages.Ecosystem;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativePackagesTest {

    @Test
    void psycopg2NeedsLibpqToBuildAndToRunButTheBinaryWheelNeedsNothing(@TempDir Path dir) {
        DetectionReport source = flask(dir.resolve("a"), "psycopg2==2.9.10");
        DetectionReport binary = flask(dir.resolve("b"), "psycopg2-binary==2.9.10");

        assertThat(source.needs().buildPackages()).contains("gcc", "libpq-dev");
        assertThat(source.needs().runtimePackages()).containsExactly("libpq5");
        assertThat(source.evidence())
                .anySatisfy(e -> assertThat(e.decision() + " " + e.file() + ":" + e.line())
                        .isEqualTo("systemPackages requirements.txt:2"));
        assertThat(binary.needs().buildPackages()).isEmpty();
        assertThat(binary.needs().runtimePackages()).isEmpty();
    }

    @Test
    void aPackageWithWheelsNeedsSystemPackagesOnlyWhenPinnedBelowTheFirstWheel(@TempDir Path dir) {
        DetectionReport old = flask(dir.resolve("old"), "Pillow==10.4.0");
        DetectionReport current = flask(dir.resolve("new"), "pillow>=11.1");
        DetectionReport unpinned = flask(dir.resolve("any"), "pillow");

        assertThat(old.needs().buildPackages()).contains("libjpeg62-turbo-dev", "zlib1g-dev");
        assertThat(current.needs().buildPackages()).isEmpty();
        assertThat(unpinned.needs().buildPackages()).isEmpty();
    }

    @Test
    void nodeAddonsThatDownloadBinariesFromGithubGetACompiler(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"dependencies\":{\"express\":\"4.21.2\",\"better-sqlite3\":\"^11.7.0\",\"bcrypt\":\"^6.0.0\"}}",
                        "server.js",
                        "require('express')().listen(process.env.PORT);\n"));

        assertThat(report.needs().buildPackages()).containsExactly("build-essential", "python3");
        assertThat(report.evidence())
                .filteredOn(e -> e.decision().equals("systemPackages"))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("better-sqlite3"));
    }

    @Test
    void pythonNamesMatchAsPep503NamesAndNpmNamesExactly() {
        assertThat(NativePackages.needed(Ecosystem.PYTHON, "MySQL_Client", null))
                .isEmpty();
        assertThat(NativePackages.needed(Ecosystem.PYTHON, "Python_LDAP", null)).isPresent();
        assertThat(NativePackages.needed(Ecosystem.NODE, "Canvas", null)).isEmpty();
        assertThat(NativePackages.needed(Ecosystem.NODE, "canvas", "^2.11.2")).isPresent();
    }

    @Test
    void everyRowSaysWhyAndNamesSomethingToInstall() {
        assertThat(NativePackages.table()).allSatisfy(row -> {
            assertThat(row.why()).isNotBlank();
            assertThat(row.build().size() + row.runtime().size()).isPositive();
        });
    }

    private static DetectionReport flask(Path dir, String requirement) {
        return Trees.detect(
                dir,
                Map.of(
                        "requirements.txt",
                        "flask==3.1.0\n" + requirement + "\ngunicorn==23.0.0\n",
                        "app.py",
                        "from flask import Flask\napp = Flask(__name__)\n"));
    }
}
