package dev.dropdeploy.git;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project's repository and branch, and the hook that tells DropDeploy about pushes. Secrets are stored sealed. */
@Entity
@Table(name = "git_connection")
class GitConnection {

    @Id
    @Column(name = "project_id")
    private UUID projectId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false)
    private String branch;

    @Column(length = 200)
    private String username;

    @Column(name = "token_sealed")
    private String tokenSealed;

    @Column(name = "hook_id", nullable = false, unique = true, length = 64)
    private String hookId;

    @Column(name = "secret_sealed", nullable = false)
    private String secretSealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GitConnection() {}

    GitConnection(
            UUID projectId,
            String url,
            String branch,
            String username,
            String tokenSealed,
            String hookId,
            String secretSealed,
            Instant createdAt) {
        this.projectId = projectId;
        this.url = url;
        this.branch = branch;
        this.username = username;
        this.tokenSealed = tokenSealed;
        this.hookId = hookId;
        this.secretSealed = secretSealed;
        this.createdAt = createdAt;
    }

    UUID projectId() {
        return projectId;
    }

    String url() {
        return url;
    }

    String branch() {
        return branch;
    }

    String username() {
        return username;
    }

    String tokenSealed() {
        return tokenSealed;
    }

    String hookId() {
        return hookId;
    }

    String secretSealed() {
        return secretSealed;
    }

    Instant createdAt() {
        return createdAt;
    }
}
