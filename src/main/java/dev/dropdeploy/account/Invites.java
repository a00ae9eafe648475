package dev.dropdeploy.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Invite links for sign-up by invitation: made and revoked by an administrator, each used at most once. */
@Service
class Invites {

    private final InviteRepository invites;
    private final AccountProperties properties;
    private final Clock clock;

    Invites(InviteRepository invites, AccountProperties properties, Clock clock) {
        this.invites = invites;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    NewInvite create(AccountUser admin) {
        Admins.require(admin);
        String token = KeyMaterial.newInviteToken();
        Invite saved = invites.save(new Invite(admin.id(), token, clock.instant(), properties.inviteValidity()));
        return new NewInvite(saved.summary(clock.instant()), token);
    }

    @Transactional(readOnly = true)
    List<InviteSummary> list(AccountUser admin) {
        Admins.require(admin);
        return invites.findAllByOrderByCreatedAtDesc().stream()
                .map(i -> i.summary(clock.instant()))
                .toList();
    }

    @Transactional
    void revoke(AccountUser admin, UUID inviteId) {
        Admins.require(admin);
        invites.findById(inviteId).ifPresent(i -> i.revoke(clock.instant()));
    }

    /**
     * Uses up the invite for a user being created in the caller's transaction; false when it is unknown, expired,
     * revoked or already used. The caller rolls back on false, so a failed sign-up never uses an invite.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean useUp(String token, UUID newUser) {
        return KeyMaterial.looksLikeInviteToken(token)
                && invites.useUp(KeyMaterial.hash(token), newUser, clock.instant()) == 1;
    }
}
