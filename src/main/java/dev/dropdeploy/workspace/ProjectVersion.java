package dev.dropdeploy.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "project_version")
class ProjectVersion {

    @Embeddable
    record Key(
            @Column(name = "project_id") UUID projectId,
            @Column(name = "number") int number) implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "commit_id", nullable = false, length = 40)
    private String commitId;

    @Column(nullable = false)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProjectVersion() {}

    ProjectVersion(UUID projectId, int number, String commitId, String message, Instant createdAt) {
        this.key = new Key(projectId, number);
        this.commitId = commitId;
        this.message = message;
        this.createdAt = createdAt;
    }

    WorkspaceVersion view() {
        return new WorkspaceVersion(key.projectId(), key.number(), commitId, message, createdAt);
    }
}
