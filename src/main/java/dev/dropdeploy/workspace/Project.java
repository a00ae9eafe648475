package dev.dropdeploy.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "project")
class Project {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 63)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Null for projects made before accounts existed. */
    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "basic_auth_user")
    private String basicAuthUser;

    @Column(name = "basic_auth_hash")
    private String basicAuthHash;

    protected Project() {}

    Project(UUID ownerId, String name, String slug, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.name = name;
        this.slug = slug;
        this.createdAt = createdAt;
    }

    ProjectSummary summary() {
        return new ProjectSummary(id, slug, name, createdAt);
    }

    /** {@code user:bcrypt-hash}, the htpasswd form Traefik's basic-auth middleware takes; empty when open. */
    java.util.Optional<String> htpasswd() {
        return basicAuthUser == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(basicAuthUser + ":" + basicAuthHash);
    }

    void protect(String user, String bcryptHash) {
        this.basicAuthUser = user;
        this.basicAuthHash = bcryptHash;
    }

    void unprotect() {
        this.basicAuthUser = null;
        this.basicAuthHash = null;
    }

    UUID ownerId() {
        return ownerId;
    }

    String slug() {
        return slug;
    }
}
