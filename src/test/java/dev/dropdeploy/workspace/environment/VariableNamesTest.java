package dev.dropdeploy.workspace.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VariableNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"GREETING", "API_TOKEN", "_private", "db2_url", "a"})
    void posixNamesAreAccepted(String name) {
        assertThat(VariableNames.checkName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2FAST", "WITH-DASH", "WITH SPACE", "A=B", "ÜBER", "$HOME"})
    void namesAShellCouldNotExportAreRefused(String name) {
        assertThatThrownBy(() -> VariableNames.checkName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PORT", "HOME", "port"})
    void namesDropDeploySetsItselfAreRefused(String name) {
        assertThatThrownBy(() -> VariableNames.checkName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set by DropDeploy");
    }

    @Test
    void aNameMayNotBeNullOrEndless() {
        assertThatThrownBy(() -> VariableNames.checkName(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VariableNames.checkName("A".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreLimitedInSizeButMayBeEmpty() {
        assertThat(VariableNames.checkValue("")).isEmpty();
        assertThat(VariableNames.checkValue("x".repeat(VariableNames.MAX_VALUE_LENGTH)))
                .hasSize(VariableNames.MAX_VALUE_LENGTH);
        assertThatThrownBy(() -> VariableNames.checkValue("x".repeat(VariableNames.MAX_VALUE_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VariableNames.checkValue(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
