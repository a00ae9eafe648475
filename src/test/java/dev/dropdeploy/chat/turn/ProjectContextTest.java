package dev.dropdeploy.chat.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectContextTest {

    @Test
    void filesNamedInTheRequestComeFirstThenSourcesBeforeLockFilesThenSmallBeforeLarge() {
        Map<String, String> texts = Map.of(
                "package-lock.json", "x".repeat(10),
                "src/big.js", "x".repeat(500),
                "src/small.js", "x".repeat(50),
                "styles.css", "x".repeat(900));

        List<String> ranked = ProjectContext.ranked(texts, "make styles.css darker");

        assertThat(ranked).containsExactly("styles.css", "src/small.js", "src/big.js", "package-lock.json");
    }
}
