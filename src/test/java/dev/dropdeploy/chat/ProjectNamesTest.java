package dev.dropdeploy.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectNamesTest {

    @Test
    void theNameIsWhatWasAskedForWithoutTheRequestWords() {
        assertThat(ProjectNames.fromPrompt("build me a mortgage calculator")).isEqualTo("mortgage calculator");
        assertThat(ProjectNames.fromPrompt("Please create an app that tracks my runs"))
                .isEqualTo("app");
        assertThat(ProjectNames.fromPrompt("A todo list with due dates and tags"))
                .isEqualTo("a todo list");
        assertThat(ProjectNames.fromPrompt("!!!")).isEqualTo("app");
    }
}
