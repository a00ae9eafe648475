package dev.dropdeploy.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionDiffsTest {

    @Test
    void changedLinesAreMarkedAndUnchangedOnesLeftOut() {
        assertThat(VersionDiffs.lines(List.of("a", "b", "c"), List.of("a", "B", "c")))
                .isEqualTo("+ B\n- b\n");
    }

    @Test
    void addedAndDeletedFilesAreNamedAndUnchangedFilesLeftOut() {
        String diff = VersionDiffs.diff(
                Map.of("index.html", "<h1>v1</h1>", "same.css", "body{}", "old.js", "x"),
                Map.of("index.html", "<h1>v2</h1>", "same.css", "body{}", "new.js", "y"));

        assertThat(diff)
                .contains("=== index.html\n+ <h1>v2</h1>\n- <h1>v1</h1>")
                .contains("=== new.js (added)\n+ y")
                .contains("=== old.js (deleted)\n- x")
                .doesNotContain("same.css");
    }

    @Test
    void identicalVersionsSaySoInWords() {
        assertThat(VersionDiffs.diff(Map.of("a", "1"), Map.of("a", "1"))).isEqualTo("No file changed.");
    }

    @Test
    void largeFilesAreSummarisedNotCompared() {
        List<String> big = java.util.Collections.nCopies(3001, "x");
        assertThat(VersionDiffs.lines(big, List.of("x"))).isEqualTo("(large file: 3001 → 1 lines)\n");
    }
}
