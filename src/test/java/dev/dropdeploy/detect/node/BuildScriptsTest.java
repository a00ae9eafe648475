package dev.dropdeploy.detect.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Trees;
import dev.dropdeploy.detect.scan.ScanLimits;
import dev.dropdeploy.detect.scan.TreeScanner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build's output is served from where the package's own scripts put it. */
class BuildScriptsTest {

    private static String outputOf(Path dir, String scripts) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"scripts\":" + scripts
                                + ",\"dependencies\":{\"react\":\"18.3.1\",\"react-scripts\":\"5.0.1\"}}",
                        "src/index.js",
                        "import React from 'react';\n"));
        return report.staticOutputDir();
    }

    @Test
    void aBuildThatMovesItsOutputIsServedFromTheNewFolder(@TempDir Path dir) {
        assertThat(outputOf(dir, "{\"build\":\"react-scripts build && rm -rf docs && mv build docs\"}"))
                .isEqualTo("docs");
    }

    @Test
    void aPostbuildScriptThatCopiesTheOutputIsFollowed(@TempDir Path dir) {
        assertThat(outputOf(dir, "{\"build\":\"react-scripts build\",\"postbuild\":\"cp -r build/ ../site\"}"))
                .isEqualTo("../site");
    }

    @Test
    void theFolderTheStartScriptServesNamesTheOutputWhenTheBuildSaysNothing(@TempDir Path dir) {
        assertThat(outputOf(dir, "{\"build\":\"node scripts/build.js\",\"start\":\"serve -l 3000 -s dist/app\"}"))
                .isEqualTo("dist/app");
    }

    @Test
    void anOutputFlagOfAnotherToolInTheSameScriptIsNotTheBuildsOutput(@TempDir Path dir) {
        assertThat(outputOf(dir, "{\"build\":\"tailwindcss -o src/site.css && react-scripts build\"}"))
                .isEqualTo("build");
    }

    @Test
    void nestedRunsAreExpandedInTheOrderNpmRunsThem(@TempDir Path dir) {
        Trees.write(
                dir,
                Map.of(
                        "package.json",
                        "{\"scripts\":{\"prebuild\":\"a\",\"build\":\"npm run compile && c\",\"compile\":\"b\","
                                + "\"postbuild\":\"d\"}}"));
        PackageJson pkg = PackageJson.read(new TreeScanner(ScanLimits.DEFAULT).scan(dir), "")
                .orElseThrow();

        assertThat(BuildScripts.commands(pkg, "build")).containsExactly("a", "b", "c", "d");
    }
}
