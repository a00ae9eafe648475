package dev.dropdeploy.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BranchNamesTest {

    @Test
    void aBlankBranchIsMainAndAUsualOneIsKept() {
        assertThat(GitConnections.checkBranch(" ")).isEqualTo("main");
        assertThat(GitConnections.checkBranch(" release/2026.12 ")).isEqualTo("release/2026.12");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-upload-pack=x",
                "a..b",
                "a b",
                "x:y",
                "a~1",
                "b^",
                "what?",
                "x*",
                "[x]",
                "a\\b",
                "a.lock",
                "/a",
                "a/",
                "a//b",
                "@{-1}x"
            })
    void aNameGitWouldRefuseOrReadAsSomethingElseIsRefused(String branch) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GitConnections.checkBranch(branch))
                .withMessageContaining("not a branch name");
    }
}
