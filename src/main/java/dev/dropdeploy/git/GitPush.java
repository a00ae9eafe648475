package dev.dropdeploy.git;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One push a connected project's hook received, and what came of it. */
@Entity
@Table(name = "git_push")
class GitPush {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(nullable = false, length = 20)
    private String provider;

    @Column(nullable = false)
    private String branch;

    @Column(name = "commit_id", length = 64)
    private String commitId;

    private String message;

    @Column(nullable = false)
    private String outcome;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected GitPush() {}

    GitPush(UUID projectId, Provider provider, String branch, String commitId, String message, Instant receivedAt) {
        this.projectId = projectId;
        this.provider = provider.name().toLowerCase(java.util.Locale.ROOT);
        this.branch = branch;
        this.commitId = commitId;
        this.message = message;
        this.outcome = "Received";
        this.receivedAt = receivedAt;
    }

    void outcome(String outcome) {
        this.outcome = outcome;
    }

    void commit(String commitId, String message) {
        this.commitId = commitId;
        this.message = message;
    }

    GitPushView view() {
        return new GitPushView(provider, branch, commitId, message, outcome, receivedAt);
    }
}
