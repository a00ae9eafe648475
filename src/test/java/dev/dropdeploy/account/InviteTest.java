package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.account.InviteSummary.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InviteTest {

    static final Instant MADE = Instant.parse("2026-11-22T10:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    final String token = KeyMaterial.newInviteToken();
    final Invite invite = new Invite(UUID.randomUUID(), token, MADE, WEEK);

    @Test
    void anInviteTokenHasItsOwnMarkAndIsNeverTakenForAnApiKey() {
        assertThat(token).startsWith("ddi_").hasSize(4 + 43);
        assertThat(KeyMaterial.looksLikeInviteToken(token)).isTrue();
        assertThat(KeyMaterial.looksLikeKey(token)).isFalse();
        assertThat(KeyMaterial.looksLikeInviteToken(KeyMaterial.newKey())).isFalse();
        assertThat(KeyMaterial.newInviteToken()).isNotEqualTo(token);
    }

    @Test
    void anInviteIsOpenUntilItsExpiryAndExpiredFromThen() {
        assertThat(invite.status(MADE)).isEqualTo(Status.OPEN);
        assertThat(invite.status(MADE.plus(WEEK).minusSeconds(1))).isEqualTo(Status.OPEN);
        assertThat(invite.status(MADE.plus(WEEK))).isEqualTo(Status.EXPIRED);
        assertThat(invite.summary(MADE).expiresAt()).isEqualTo(MADE.plus(WEEK));
    }

    @Test
    void aRevokedInviteStaysRevokedAndAnExpiredOneCannotBeRevoked() {
        invite.revoke(MADE.plusSeconds(60));
        assertThat(invite.status(MADE.plusSeconds(120))).isEqualTo(Status.REVOKED);

        Invite old = new Invite(UUID.randomUUID(), KeyMaterial.newInviteToken(), MADE, WEEK);
        old.revoke(MADE.plus(WEEK).plusSeconds(1));
        assertThat(old.status(MADE.plus(WEEK).plusSeconds(2))).isEqualTo(Status.EXPIRED);
    }

    @Test
    void theSummaryNeverCarriesTheToken() {
        assertThat(invite.summary(MADE).toString()).doesNotContain(token).doesNotContain(KeyMaterial.hash(token));
    }
}
