package dev.dropdeploy.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys for the REST API and the CLI: created (shown once), listed, revoked; each user sees only their own. */
@Service
public class ApiKeys {

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, UserRepository users, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public NewApiKey create(AccountUser owner, String name) {
        String label = name == null || name.isBlank() ? "CLI" : name.strip();
        if (label.length() > 100) {
            throw new IllegalArgumentException("A key name has at most 100 characters");
        }
        String key = KeyMaterial.newKey();
        ApiKey saved = keys.save(new ApiKey(owner.id(), label, key, clock.instant()));
        return new NewApiKey(saved.summary(), key);
    }

    @Transactional(readOnly = true)
    public List<ApiKeySummary> list(AccountUser owner) {
        return keys.findByUserIdOrderByCreatedAtDesc(owner.id()).stream()
                .map(ApiKey::summary)
                .toList();
    }

    /** Revokes one of the owner's keys; someone else's key id is treated as unknown. */
    @Transactional
    public boolean revoke(AccountUser owner, UUID keyId) {
        Optional<ApiKey> key = keys.findByIdAndUserId(keyId, owner.id());
        key.ifPresent(k -> k.revoke(clock.instant()));
        return key.isPresent();
    }

    /** The user a presented key belongs to, unless it is unknown or revoked, or its user is disabled. */
    @Transactional(readOnly = true)
    public Optional<AccountUser> authenticate(String presented) {
        if (!KeyMaterial.looksLikeKey(presented)) {
            return Optional.empty();
        }
        return keys.findByHash(KeyMaterial.hash(presented))
                .filter(k -> !k.revoked())
                .flatMap(k -> users.findById(k.userId()))
                .filter(UserAccount::active)
                .map(UserAccount::toUser);
    }
}
