package dev.dropdeploy.git;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A branch's preview: a project of its own (its id here) that previews {@code branch} of {@code parentId}. */
@Entity
@Table(name = "git_preview")
class GitPreview {

    @Id
    @Column(name = "project_id")
    private UUID projectId;

    @Column(name = "parent_id", nullable = false)
    private UUID parentId;

    @Column(nullable = false)
    private String branch;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected GitPreview() {}

    GitPreview(UUID projectId, UUID parentId, String branch, Instant expiresAt) {
        this.projectId = projectId;
        this.parentId = parentId;
        this.branch = branch;
        this.expiresAt = expiresAt;
    }

    UUID projectId() {
        return projectId;
    }

    UUID parentId() {
        return parentId;
    }

    String branch() {
        return branch;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    void renewUntil(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }
}
