package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DockerIgnoreTest {

    private final DockerIgnore ignore =
            DockerIgnore.parse("# comment\n.git\nnode_modules\n**/__pycache__\n.env*\n*.log\n!keep.log\n/dist/\n");

    @Test
    void aPatternExcludesTheFolderAndEverythingUnderIt() {
        assertThat(ignore.excludes(Path.of("node_modules/react/index.js"))).isTrue();
        assertThat(ignore.excludes(Path.of(".git/HEAD"))).isTrue();
        assertThat(ignore.excludes(Path.of("dist/app.js"))).isTrue();
    }

    @Test
    void patternsAreAnchoredAtTheRootUnlessTheyStartWithDoubleStar() {
        assertThat(ignore.excludes(Path.of("src/node_modules/x.js"))).isFalse();
        assertThat(ignore.excludes(Path.of("src/pkg/__pycache__/m.pyc"))).isTrue();
    }

    @Test
    void theLastMatchingRuleWinsSoNegationReincludes() {
        assertThat(ignore.excludes(Path.of("debug.log"))).isTrue();
        assertThat(ignore.excludes(Path.of("keep.log"))).isFalse();
    }

    @Test
    void secretsFilesAreExcludedAndSourceIsKept() {
        assertThat(ignore.excludes(Path.of(".env.production"))).isTrue();
        assertThat(ignore.excludes(Path.of("app.py"))).isFalse();
    }
}
