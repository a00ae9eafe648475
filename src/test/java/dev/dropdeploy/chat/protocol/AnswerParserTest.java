package dev.dropdeploy.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerParserTest {

    @Test
    void aWholeFileAnEditADeletionAndASummaryAreReadInOrder() {
        Answer answer = Answer.parse("""
                Plan: a page.
                <file path="index.html">
                <h1>Hi</h1>
                </file>
                <edit path="app.js">
                <<<<<<< SEARCH
                let a = 1;
                =======
                let a = 2;
                >>>>>>> REPLACE
                </edit>
                <delete path="old.js"/>
                <summary>A greeting page.</summary>
                """);

        assertThat(answer.blocks())
                .containsExactly(
                        new Block.FileWrite("index.html", "<h1>Hi</h1>\n"),
                        new Block.FileEdit("app.js", List.of(new Block.Replacement("let a = 1;\n", "let a = 2;\n"))),
                        new Block.FileDelete("old.js"),
                        new Block.Summary("A greeting page."));
        assertThat(answer.text()).isEqualTo("Plan: a page.");
        assertThat(answer.complete()).isTrue();
    }

    @Test
    void spacesInsideTagsOtherQuotesAndUpperCaseAreForgiven() {
        Answer answer = Answer.parse("< FILE  path = 'a.txt' >x</ file >\n<Delete path=b.txt></delete>");

        assertThat(answer.blocks()).containsExactly(new Block.FileWrite("a.txt", "x\n"), new Block.FileDelete("b.txt"));
        assertThat(answer.text()).isEmpty();
    }

    @Test
    void markdownFencesAroundTagsAndAroundAFileBodyAreDropped() {
        Answer answer =
                Answer.parse("Here:\n```html\n<file path=\"index.html\">\n```html\n<p>x</p>\n```\n</file>\n```\nDone.");

        assertThat(answer.blocks()).containsExactly(new Block.FileWrite("index.html", "<p>x</p>\n"));
        assertThat(answer.text()).startsWith("Here:").endsWith("Done.").doesNotContain("`");
    }

    @Test
    void windowsLineEndingsAreReadAsPlainNewlinesEvenWhenCrAndLfArriveInDifferentChunks() {
        String whole = "Plan.\r\n<file path=\"app.py\">\r\n```python\r\nprint(1)\r\n```\r\n</file>\r\n"
                + "<file path=\"b.txt\">\r\nx\r\n</file>\r\nDone.\r";
        AnswerParser parser = new AnswerParser();
        for (String piece : whole.split("(?<=\r)")) {
            parser.feed(piece);
        }

        Answer answer = parser.finish();

        assertThat(answer.blocks())
                .containsExactly(new Block.FileWrite("app.py", "print(1)\n"), new Block.FileWrite("b.txt", "x\n"));
        assertThat(answer.text()).startsWith("Plan.\n").endsWith("Done.").doesNotContain("\r");
    }

    @Test
    void aFileReachesTheListenerOnlyOnceItsClosingTagArrivesEvenWhenTagsAreSplitAcrossChunks() {
        List<Block> seen = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        AnswerParser parser = new AnswerParser(text::append, seen::add);
        String whole = "Building it.\n<file path=\"a.py\">print(1)\n</file>\n<summary>s</summary>";

        for (int i = 0; i < whole.length(); i += 3) {
            parser.feed(whole.substring(i, Math.min(whole.length(), i + 3)));
            if (i < whole.indexOf("</file>")) {
                assertThat(seen).isEmpty();
            }
        }
        Answer answer = parser.finish();

        assertThat(seen).hasSize(2).first().isEqualTo(new Block.FileWrite("a.py", "print(1)\n"));
        assertThat(text.toString().strip()).isEqualTo("Building it.");
        assertThat(answer.text()).doesNotContain("<");
    }

    @Test
    void anAnswerThatEndsInsideAFileIsIncompleteAndNamesTheFile() {
        Answer answer = Answer.parse("<file path=\"index.html\">\n<html><body>");

        assertThat(answer.complete()).isFalse();
        assertThat(answer.unclosed()).isEqualTo("file index.html");
        assertThat(answer.blocks()).isEmpty();
    }

    @Test
    void anEditWithoutCompleteMarkersIsMalformedNotSilentlyEmpty() {
        Answer answer = Answer.parse("<edit path=\"a.js\">\n<<<<<<< SEARCH\nx\n</edit>");

        assertThat(answer.blocks()).singleElement().isInstanceOf(Block.Malformed.class);
    }

    @Test
    void aTagWithoutPathIsMalformed() {
        assertThat(Answer.parse("<file>x</file>").blocks()).singleElement().isInstanceOf(Block.Malformed.class);
    }
}
