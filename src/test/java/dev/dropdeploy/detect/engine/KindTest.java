package dev.dropdeploy.detect.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The precedence table reads top to bottom: a row never outranks one above it. */
class KindTest {

    @Test
    void theRowsOfThePrecedenceTableAreInFallingOrderOfScore() {
        List<Kind> declared = Arrays.asList(Kind.values());

        assertThat(declared)
                .isSortedAccordingTo(Comparator.comparingDouble(Kind::score).reversed());
    }

    @Test
    void aServerOutranksAStaticBuildWhichOutranksAHelper() {
        assertThat(Kind.CODED_SERVER.score()).isGreaterThan(Kind.FRAMEWORK_SERVER.score());
        assertThat(Kind.FRAMEWORK_SERVER.score()).isGreaterThan(Kind.STATIC_BUILD.score());
        assertThat(Kind.STATIC_BUILD.score()).isGreaterThan(Kind.STATIC_SITE.score());
        assertThat(Kind.STATIC_SITE.score()).isGreaterThan(Kind.BUILD_HELPER.score());
    }

    @Test
    void anOwnDockerfileOutranksEveryOtherKindEvenFromAMemberFolder() {
        double member = Kind.OWN_DOCKERFILE.score() * Kind.MEMBER_FACTOR;

        assertThat(Arrays.stream(Kind.values()).filter(k -> k != Kind.OWN_DOCKERFILE))
                .allMatch(k -> k.score() < Kind.OWN_DOCKERFILE.score());
        assertThat(member).isGreaterThan(Kind.STATIC_BUILD.score());
    }
}
