package dev.dropdeploy.detect.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.Trees;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsCommentsTest {

    @Test
    void commentsBecomeSpacesAndLinesStayWhereTheyWere() {
        String source = "const a = 1; // output: 'export'\n/* distDir: 'x'\n */ const b = \"// not a comment\";\n";

        String blanked = JsComments.blank(source);

        assertThat(blanked).hasSameSizeAs(source).doesNotContain("export").doesNotContain("distDir");
        assertThat(blanked.lines().count()).isEqualTo(source.lines().count());
        assertThat(blanked).contains("const b = \"// not a comment\";").startsWith("const a = 1;");
    }

    @Test
    void escapedQuotesAndTemplateLiteralsDoNotEndAStringEarly() {
        assertThat(JsComments.blank("x = 'it\\'s // here' // gone\ny = `a\n// kept`"))
                .contains("'it\\'s // here'")
                .doesNotContain("gone")
                .contains("// kept`");
    }

    @Test
    void aNextAppWhoseStaticExportIsOnlyACommentedOutLineRunsItsServer(@TempDir Path dir) {
        DetectionReport report = Trees.detect(
                dir,
                Map.of(
                        "package.json",
                        "{\"scripts\":{\"build\":\"next build\",\"start\":\"next start\"},\"dependencies\":{\"next\":\"^15.0.3\"}}",
                        "next.config.mjs",
                        "const nextConfig = {\n  // Uncomment to build a static site.\n  // output: \"export\",\n"
                                + "  reactStrictMode: true,\n};\nexport default nextConfig;\n"));

        assertThat(report.stack()).isEqualTo(Stack.NODE);
        assertThat(report.framework()).isEqualTo("nextjs");
    }
}
