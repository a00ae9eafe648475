package dev.dropdeploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostnamesTest {

    @Test
    void aProjectNameBecomesALowerCaseDnsLabel() {
        assertThat(Hostnames.slug("Mortgage Calculator!")).isEqualTo("mortgage-calculator");
        assertThat(Hostnames.slug("  Crème brûlée  ")).isEqualTo("creme-brulee");
        assertThat(Hostnames.slug("my_app--v2")).isEqualTo("my-app-v2");
    }

    @Test
    void aLongNameIsCutWithoutLeavingATrailingDash() {
        String slug = Hostnames.slug("a".repeat(49) + " tail");
        assertThat(slug).hasSizeLessThanOrEqualTo(Hostnames.MAX_SLUG_LENGTH).doesNotEndWith("-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "日本"})
    void aNameWithoutLettersOrDigitsIsRefusedWithAReason(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Hostnames.slug(name))
                .withMessageContaining("no letters or digits");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "a b.localhost", "x`.localhost", "shop.localhost:80", "shop.localhost/x", "-a.localhost"})
    void anythingThatIsNotAHostNameIsRefused(String host) {
        assertThatIllegalArgumentException().isThrownBy(() -> Hostnames.requireValid(host));
    }

    @Test
    void hostNamesAreNormalisedToLowerCaseWithoutTheRootDot() {
        assertThat(Hostnames.requireValid(" Shop.LocalHost. ")).isEqualTo("shop.localhost");
    }
}
