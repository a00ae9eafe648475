package dev.dropdeploy.detect.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeLimitsTest {

    @Test
    void aYarnClassicLockfileWithAnOldMsgpackrNeedsNode22() {
        String lock = """
                msgpackr-extract@^2.2.0:
                  version "2.2.0"

                msgpackr@^1.5.4:
                  version "1.8.0"
                  resolved "https://registry.yarnpkg.com/msgpackr/-/msgpackr-1.8.0.tgz"
                """;

        NodeLimits.Found found = NodeLimits.in(lock).orElseThrow();

        assertThat(found.limit().pkg()).isEqualTo("msgpackr");
        assertThat(found.version()).isEqualTo("1.8.0");
        assertThat(found.line()).isEqualTo(4);
        assertThat(found.limit().lastMajor()).isEqualTo(22);
        assertThat(found.reason()).contains("msgpackr 1.8.0", "Node 23", "1.11.2");
    }

    @Test
    void everyLockfileFormatIsRead() {
        assertThat(NodeLimits.in("\"msgpackr@npm:^1.5.4\":\n  version: 1.9.9\n  resolution: \"msgpackr@npm:1.9.9\"\n"))
                .as("yarn berry")
                .isPresent();
        assertThat(NodeLimits.in(
                        "    \"node_modules/lmdb/node_modules/msgpackr\": {\n      \"version\": \"1.10.1\",\n"))
                .as("package-lock.json")
                .isPresent();
        assertThat(NodeLimits.in("  msgpackr@1.8.5:\n    resolution: {integrity: sha512-x}\n"))
                .as("pnpm 9")
                .isPresent();
        assertThat(NodeLimits.in("  /ordered-binary/1.4.0:\n    resolution: {integrity: sha512-x}\n"))
                .as("pnpm 5")
                .isPresent();
        assertThat(NodeLimits.in("    \"msgpackr\": [\"msgpackr@1.8.0\", \"\", {}, \"sha512-x\"],\n"))
                .as("bun.lock")
                .isPresent();
    }

    @Test
    void fixedReleasesLookalikeNamesAndRangesAloneNeedNothing() {
        assertThat(NodeLimits.in("msgpackr@^1.5.4:\n  version \"1.11.2\"\n")).isEmpty();
        assertThat(NodeLimits.in("msgpackr@^1.11.0:\n  version \"1.11.10\"\n")).isEmpty();
        assertThat(NodeLimits.in("msgpackr-extract@^2.2.0:\n  version \"2.2.0\"\n"))
                .isEmpty();
        assertThat(NodeLimits.in("my-msgpackr@1.0.0:\n  version \"1.0.0\"\n")).isEmpty();
        assertThat(NodeLimits.in("lmdb@2.5.2:\n  dependencies:\n    msgpackr \"^1.5.4\"\n"))
                .isEmpty();
        assertThat(NodeLimits.in("")).isEmpty();
    }

    @Test
    void versionsCompareByNumberNotByText() {
        assertThat(NodeLimits.older("1.9.0", "1.11.2")).isTrue();
        assertThat(NodeLimits.older("1.11.10", "1.11.2")).isFalse();
        assertThat(NodeLimits.older("2.0.0", "1.11.2")).isFalse();
        assertThat(NodeLimits.older("1.11.2", "1.11.2")).isFalse();
    }
}
