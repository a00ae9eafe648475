package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltEntryTest {

    @Test
    void aStartCommandNamingAFileTheBuildWritesNamesItsFolderAndName() {
        assertThat(DockerfileModel.builtEntry("react-router-serve ./build/server/index.js"))
                .isEqualTo(Map.of("path", "build/server/index.js", "folder", "build/server", "name", "index.js"));
        assertThat(DockerfileModel.builtEntry("node dist/main.mjs --port 8080"))
                .isEqualTo(Map.of("path", "dist/main.mjs", "folder", "dist", "name", "main.mjs"));
        assertThat(DockerfileModel.builtEntry("node .output/server/index.mjs"))
                .isEqualTo(Map.of("path", ".output/server/index.mjs", "folder", ".output/server", "name", "index.mjs"));
    }

    @Test
    void startCommandsWithoutABuiltFileOrWithShellCharactersNameNone() {
        assertThat(DockerfileModel.builtEntry("next start")).isNull();
        assertThat(DockerfileModel.builtEntry("node server.js")).isNull();
        assertThat(DockerfileModel.builtEntry("node build/$(touch x).js")).isNull();
        assertThat(DockerfileModel.builtEntry("node build/a;rm.js")).isNull();
        assertThat(DockerfileModel.builtEntry("node build/../../etc/x.js")).isNull();
    }

    @Test
    void aNodeVersionAskedWithTooManyDigitsAsksForNoLegacyOpensslInsteadOfFailing() {
        assertThat(DockerfileModel.legacyOpenssl("99999999999")).isNull();
        assertThat(DockerfileModel.legacyOpenssl("v16.20.0")).isEqualTo("16");
    }
}
