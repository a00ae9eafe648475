package dev.dropdeploy.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts behind identity providers. An identity (provider, subject) belongs to at most one account; it is matched
 * only by that pair, never by e-mail address, so nobody gets into an account by showing a provider an address they
 * merely claim. A first sign-in makes an account under the sign-up policy; a signed-in user links more providers.
 */
@Service
class ExternalSignIn {

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final Clock clock;

    ExternalSignIn(JdbcTemplate jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The account the identity signs in to, made now if it has none.
     *
     * @param invite the invite link's token opened before in this browser, or {@code null}
     * @throws ExternalSignInRefused when the account is disabled
     * @throws SignUpRefused when a new account would be needed and the sign-up policy refuses it
     */
    @Transactional
    AccountUser signIn(ExternalIdentity identity, String invite) {
        Optional<UUID> owner = ownerOf(identity);
        if (owner.isPresent()) {
            return activeUser(owner.get());
        }
        AccountUser created = accounts.signUpExternal(identity.names(), invite);
        insert(identity, created.id());
        return created;
    }

    /**
     * Links the identity to the signed-in user who asked for it; linking it again is a no-op.
     *
     * @throws ExternalSignInRefused when it belongs to another account, or the user was disabled meanwhile
     */
    @Transactional
    AccountUser link(UUID userId, ExternalIdentity identity) {
        AccountUser user = activeUser(userId);
        Optional<UUID> owner = ownerOf(identity);
        if (owner.isPresent() && !owner.get().equals(userId)) {
            throw new ExternalSignInRefused(ExternalSignInRefused.LINKED_ELSEWHERE);
        }
        if (owner.isEmpty()) {
            insert(identity, userId);
        }
        return user;
    }

    /** The registration ids the user can sign in with. */
    @Transactional(readOnly = true)
    List<String> linkedProviders(AccountUser user) {
        return jdbc.queryForList(
                "select provider from external_identity where user_id = ? order by provider", String.class, user.id());
    }

    @Transactional
    void unlink(AccountUser user, String provider) {
        jdbc.update("delete from external_identity where user_id = ? and provider = ?", user.id(), provider);
    }

    /** The user again, if still there and not disabled; for a sign-in whose own steps were refused. */
    @Transactional(readOnly = true)
    AccountUser activeUser(UUID userId) {
        if (!accounts.active(userId)) {
            throw new ExternalSignInRefused(ExternalSignInRefused.DISABLED);
        }
        return accounts.find(userId).orElseThrow(() -> new ExternalSignInRefused(ExternalSignInRefused.DISABLED));
    }

    private Optional<UUID> ownerOf(ExternalIdentity identity) {
        return jdbc
                .queryForList(
                        "select user_id from external_identity where provider = ? and subject = ?",
                        UUID.class,
                        identity.provider(),
                        identity.subject())
                .stream()
                .findFirst();
    }

    private void insert(ExternalIdentity identity, UUID userId) {
        jdbc.update(
                "insert into external_identity (id, provider, subject, user_id, created_at) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                identity.provider(),
                identity.subject(),
                userId,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
