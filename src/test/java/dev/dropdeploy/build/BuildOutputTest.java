package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildOutputTest {

    final List<String> lines = new ArrayList<>();
    final BuildOutput output = new BuildOutput(lines::add, 1024);

    @Test
    void a_build_printing_a_huge_line_without_a_newline_gives_one_cut_line() {
        output.append("Step 2/3 : RUN yes | tr -d '\\n'\n");
        for (int i = 0; i < 10_000; i++) {
            output.append("y".repeat(1000));
        }

        BuildFailure failure = output.failure("The build took too long");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).hasSize(1024 + " … [line cut at 1 KiB]".length());
        assertThat(failure.failedStep()).isEqualTo("RUN yes | tr -d '\\n'");
        assertThat(failure.lastLines()).containsExactlyElementsOf(lines);
    }

    @Test
    void only_the_last_forty_lines_are_kept_for_the_failure() {
        for (int i = 1; i <= 10_000; i++) {
            output.append("line " + i + "\n");
        }

        BuildFailure failure = output.failure("failed");

        assertThat(failure.lastLines()).hasSize(80).endsWith("line 10000");
    }

    @Test
    void a_step_that_failed_is_the_dockerfiles_fault_but_a_build_stopped_on_it_is_not() {
        output.append("Step 1/2 : RUN npm ci\n");

        BuildFailure failed = output.failure("The command '/bin/sh -c npm ci' returned a non-zero code: 1");
        BuildFailure stopped = output.stopped("The build took longer than 15 minutes and was stopped");

        assertThat(failed.stepFailed()).isTrue();
        assertThat(stopped.stepFailed()).isFalse();
        assertThat(stopped.failedStep()).isEqualTo("RUN npm ci");
    }
}
