package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExternalNamesTest {

    @Test
    void theFirstFreeSuggestionBecomesTheName() {
        ExternalNames names = ExternalNames.of("github", List.of("Octo-Cat", "octo@example.com"));

        assertThat(names.firstFree(Set.of()::contains)).isEqualTo("octo-cat");
        assertThat(names.firstFree(Set.of("octo-cat")::contains)).isEqualTo("octo@example.com");
    }

    @Test
    void whenEverySuggestionIsTakenTheFirstGetsTheLowestFreeNumber() {
        ExternalNames names = ExternalNames.of("idp", List.of("alice", "alice@example.com"));

        assertThat(names.firstFree(Set.of("alice", "alice@example.com", "alice-2")::contains))
                .isEqualTo("alice-3");
    }

    @Test
    void hostileSuggestionsAreCutToWhatAUserNameMayHold() {
        ExternalNames names = ExternalNames.of("idp", Arrays.asList(null, " ", "--", "<script>Ü</script> x"));

        assertThat(names.firstFree(name -> false)).isEqualTo("script-script-x");
        assertThat(ExternalNames.clean("x".repeat(500))).hasSize(ExternalNames.MAX_LENGTH);
    }

    @Test
    void withoutAUsableSuggestionTheProviderNamesTheAccount() {
        ExternalNames names = ExternalNames.of("google", Arrays.asList(null, "é", "ab"));

        assertThat(names.firstFree(name -> false)).isEqualTo("google-user");
        assertThat(names.firstFree(Set.of("google-user")::contains)).isEqualTo("google-user-2");
    }

    @Test
    void aLongNameStaysWithinTheLimitWithItsNumber() {
        String longName = "n".repeat(ExternalNames.MAX_LENGTH);
        ExternalNames names = ExternalNames.of("idp", List.of(longName));

        assertThat(names.firstFree(Set.of(longName)::contains))
                .hasSize(ExternalNames.MAX_LENGTH)
                .endsWith("-2");
    }

    @Test
    void theProviderSubjectMustBeThere() {
        ExternalNames names = ExternalNames.of("idp", List.of());

        assertThatThrownBy(() -> new ExternalIdentity("idp", " ", names)).isInstanceOf(ExternalSignInRefused.class);
        assertThatThrownBy(() -> new ExternalIdentity("idp", "s".repeat(256), names))
                .isInstanceOf(ExternalSignInRefused.class);
        assertThat(new ExternalIdentity("idp", "12345", names).subject()).isEqualTo("12345");
    }
}
