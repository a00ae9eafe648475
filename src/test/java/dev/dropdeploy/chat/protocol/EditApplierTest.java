package dev.dropdeploy.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EditApplierTest {

    private static final String PAGE = """
            <html>
              <body>
                <button style="background: blue">Go</button>
                <p>one</p>
                <p>one</p>
              </body>
            </html>
            """;

    private final EditApplier applier = new EditApplier(Map.of("index.html", PAGE, "old.css", "a\nb\n"));

    @Test
    void anExactSearchIsReplacedAndCountedAsAChange() {
        Outcome outcome = apply(edit("index.html", "background: blue", "background: green"));

        Outcome.Applied applied = (Outcome.Applied) outcome;
        assertThat(applied.writes().get("index.html"))
                .contains("background: green")
                .doesNotContain("blue");
        assertThat(applied.changes()).containsExactly(new FileChange("index.html", FileChange.Kind.CHANGED, 1, 1));
    }

    @Test
    void aSearchWithDifferentIndentationMatchesLineByLine() {
        Outcome outcome = apply(edit(
                "index.html",
                "<body>\n<button style=\"background: blue\">Go</button>",
                "  <body>\n    <button style=\"background: green\">Go</button>"));

        assertThat(((Outcome.Applied) outcome).writes().get("index.html"))
                .contains("<button style=\"background: green\">Go</button>\n    <p>one</p>");
    }

    @Test
    void aSearchThatMatchesTwoPlacesIsRejectedAsAmbiguous() {
        Outcome outcome = apply(edit("index.html", "<p>one</p>", "<p>two</p>"));

        assertThat(((Outcome.Rejected) outcome).problems())
                .singleElement()
                .asString()
                .contains("matches 2 places");
    }

    @Test
    void aSearchThatMatchesNothingIsRejectedWithTheClosestLine() {
        Outcome outcome = apply(edit("index.html", "<button style=\"background: red\">Go</button>", "x"));

        Outcome.Rejected rejected = (Outcome.Rejected) outcome;
        assertThat(rejected.problems())
                .singleElement()
                .asString()
                .contains("does not match")
                .contains("blue");
        assertThat(rejected.reask()).contains("NOT applied");
    }

    @Test
    void elidedCodeInAWholeFileIsRejected() {
        for (String placeholder : new String[] {
            "// ... rest of the code unchanged", "# ...existing code...", "<!-- ... -->", "/* rest of the styles */"
        }) {
            Outcome outcome = apply("<file path=\"index.html\">\n<html>\n" + placeholder + "\n</html>\n</file>");

            assertThat(outcome).as(placeholder).isInstanceOf(Outcome.Rejected.class);
            assertThat(((Outcome.Rejected) outcome).problems().getFirst()).contains("left out");
        }
    }

    @Test
    void aPlaceholderLikeLineThatTheFileAlreadyHadIsNotElision() {
        EditApplier withComment = new EditApplier(Map.of("a.py", "# ...existing code...\nx = 1\n"));

        Outcome outcome = withComment.apply(Answer.parse("<file path=\"a.py\"># ...existing code...\nx = 2\n</file>"));

        assertThat(outcome).isInstanceOf(Outcome.Applied.class);
    }

    @Test
    void pathsOutsideTheProjectOrUnderGitAreRejectedAndNothingIsApplied() {
        for (String path :
                new String[] {"../evil.sh", "/etc/passwd", ".git/config", "a/../../b", "C:\\x", "src/.git/x"}) {
            Outcome outcome = apply("<file path=\"ok.txt\">fine</file><file path=\"" + path + "\">x</file>");

            assertThat(outcome).as(path).isInstanceOf(Outcome.Rejected.class);
        }
    }

    @Test
    void anUnclosedFileRejectsTheWholeTurnIncludingItsClosedFiles() {
        Outcome outcome = apply("<file path=\"a.txt\">a</file>\n<file path=\"b.txt\">half");

        assertThat(((Outcome.Rejected) outcome).problems())
                .singleElement()
                .asString()
                .contains("b.txt");
    }

    @Test
    void newAndDeletedFilesAreReportedWithTheirLineCounts() {
        Outcome.Applied applied =
                (Outcome.Applied) apply("<file path=\"./src//app.js\">a\nb\nc\n</file><delete path=\"old.css\"/>");

        assertThat(applied.changes())
                .containsExactly(
                        new FileChange("src/app.js", FileChange.Kind.ADDED, 3, 0),
                        new FileChange("old.css", FileChange.Kind.DELETED, 0, 2));
        assertThat(applied.deletions()).containsExactly("old.css");
    }

    @Test
    void anEditOfAFileWrittenEarlierInTheSameAnswerAppliesToTheNewContent() {
        Outcome.Applied applied =
                (Outcome.Applied) apply("<file path=\"n.txt\">alpha\n</file>" + edit("n.txt", "alpha", "beta"));

        assertThat(applied.writes().get("n.txt")).isEqualTo("beta\n");
    }

    private Outcome apply(String answer) {
        return applier.apply(Answer.parse(answer));
    }

    private static String edit(String path, String search, String replace) {
        return "<edit path=\"" + path + "\">\n<<<<<<< SEARCH\n" + search + "\n=======\n" + replace
                + "\n>>>>>>> REPLACE\n</edit>";
    }
}
