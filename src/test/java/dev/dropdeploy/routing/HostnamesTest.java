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

    @Test
    void aBranchPreviewIsTheBranchAsALabelBeforeTwoDashesAndTheSlug() {
        assertThat(Hostnames.previewSlug("feature/Login_Form", "shop")).isEqualTo("feature-login-form--shop");
        assertThat(Hostnames.previewSlug("!!!", "shop")).isEqualTo("branch--shop");
    }

    @Test
    void aBranchThatWouldReadAsAVersionAddressGetsAPrefix() {
        assertThat(Hostnames.previewSlug("v3", "shop")).isEqualTo("b-v3--shop");
    }

    @Test
    void aPreviewOfALongBranchAndSlugStillFitsAVersionHostInOneLabel() {
        String slug = Hostnames.previewSlug("feature/" + "x".repeat(80), "s".repeat(Hostnames.MAX_SLUG_LENGTH));
        assertThat(slug)
                .hasSizeLessThanOrEqualTo(Hostnames.MAX_PREVIEW_SLUG_LENGTH)
                .endsWith("--" + "s".repeat(40));
        assertThat(Hostnames.requireValid("v9999--" + slug + ".localhost")).startsWith("v9999--feature-x");
    }

    @Test
    void aPreviewSlugIsKeptAsItIsInHostNamesWhileAnythingElseIsSlugged() {
        assertThat(Hostnames.label("feature-x--shop")).isEqualTo("feature-x--shop");
        assertThat(Hostnames.label("My App")).isEqualTo("my-app");
    }
}
