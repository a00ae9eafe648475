package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.routing.TraefikProbe;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CutoverStepTest {

    private static final String NEW = "7f3c";

    @Test
    void aFailedConfirmationSaysWhetherTraefikWasSilentRoutelessStaleOrCouldNotReachTheContainer() {
        assertThat(CutoverStep.lastAnswer(new TraefikProbe.Answer(0, Optional.empty()), NEW))
                .isEqualTo("Traefik did not answer at all");
        assertThat(CutoverStep.lastAnswer(new TraefikProbe.Answer(404, Optional.empty()), NEW))
                .isEqualTo("Traefik answered 404 without a route to this project");
        assertThat(CutoverStep.lastAnswer(new TraefikProbe.Answer(200, Optional.of("1a2b")), NEW))
                .isEqualTo("Traefik still served deployment 1a2b");
        assertThat(CutoverStep.lastAnswer(new TraefikProbe.Answer(502, Optional.of(NEW)), NEW))
                .isEqualTo("Traefik answered 502: it could not reach the new container");
    }
}
