package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordResetTest {

    static final Instant MADE = Instant.parse("2026-12-03T06:00:00Z");

    final String token = KeyMaterial.newResetToken();
    final PasswordReset reset =
            new PasswordReset(UUID.randomUUID(), UUID.randomUUID(), token, MADE, Duration.ofHours(1));

    @Test
    void aResetLinkWorksUntilItExpires() {
        assertThat(reset.usable(MADE)).isTrue();
        assertThat(reset.usable(MADE.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(reset.usable(MADE.plus(Duration.ofHours(1)))).isFalse();
        assertThat(reset.expiresAt()).isEqualTo(MADE.plus(Duration.ofHours(1)));
    }

    @Test
    void onlyTheHashOfTheTokenIsKept() {
        assertThat(KeyMaterial.hash(token)).hasSize(64).doesNotContain(token.substring(4));
    }

    @Test
    void aResetTokenHasItsOwnMarkAndIsNeitherAKeyNorAnInvite() {
        assertThat(token).startsWith("ddr_").hasSize(4 + 43);
        assertThat(KeyMaterial.looksLikeResetToken(token)).isTrue();
        assertThat(KeyMaterial.looksLikeKey(token)).isFalse();
        assertThat(KeyMaterial.looksLikeInviteToken(token)).isFalse();
        assertThat(KeyMaterial.looksLikeResetToken(KeyMaterial.newInviteToken()))
                .isFalse();
    }

    @Test
    void malformedTokensAreRejectedWithoutALookup() {
        assertThat(KeyMaterial.looksLikeResetToken(null)).isFalse();
        assertThat(KeyMaterial.looksLikeResetToken("")).isFalse();
        assertThat(KeyMaterial.looksLikeResetToken("ddr_short")).isFalse();
        assertThat(KeyMaterial.looksLikeResetToken("ddr_" + "a".repeat(44))).isFalse();
    }
}
