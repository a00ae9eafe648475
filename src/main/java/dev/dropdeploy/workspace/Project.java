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

    /** The project this one previews a branch of; null for a project of its own. Not a foreign key: see V13. */
    @Column(name = "preview_of")
    private UUID previewOf;

    protected Project() {}

    Project(UUID ownerId, String name, String slug, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.name = name;
        this.slug = slug;
        this.createdAt = createdAt;
    }

    static Project preview(Project of, String name, String slug, Instant createdAt) {
        Project preview = new Project(of.ownerId, name, slug, createdAt);
        preview.previewOf = of.id;
        preview.basicAuthUser = of.basicAuthUser;
        preview.basicAuthHash = of.basicAuthHash;
        return preview;
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
