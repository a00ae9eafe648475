package dev.dropdeploy.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    /** Null for an account made through an identity provider, until a reset link sets a password. */
    @Column(name = "password_hash", length = 100)
    private String passwordHash;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "sessions_valid_after")
    private Instant sessionsValidAfter;

    protected UserAccount() {}

    UserAccount(String username, String passwordHash, boolean admin, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = createdAt;
    }

    AccountUser toUser() {
        return new AccountUser(id, username, admin);
    }

    UUID id() {
        return id;
    }

    /** Empty when there is none, which no password matches. */
    String passwordHash() {
        return passwordHash == null ? "" : passwordHash;
    }

    /** Sessions signed in before now end at their next request. */
    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        sessionsValidAfter = now;
    }

    /** Whether a session begun at {@code signedInAt} may go on; {@code null} (an API key) is judged by its key. */
    boolean admits(Instant signedInAt) {
        return active()
                && (signedInAt == null || sessionsValidAfter == null || !signedInAt.isBefore(sessionsValidAfter));
    }

    boolean active() {
        return disabledAt == null;
    }

    void disable(Instant now) {
        if (disabledAt == null) {
            disabledAt = now;
        }
    }

    void enable() {
        disabledAt = null;
    }

    UserSummary summary() {
        return new UserSummary(id, username, admin, createdAt, disabledAt);
    }
}
