package dev.dropdeploy.workspace.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One variable as stored: its value only ever as ciphertext. */
@Entity
@Table(name = "environment_variable")
class StoredVariable {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(nullable = false)
    private String name;

    @Column(name = "encrypted_value", nullable = false)
    private String encryptedValue;

    @Column(nullable = false)
    private boolean secret;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredVariable() {}

    StoredVariable(UUID projectId, String name) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.name = name;
    }

    void change(String encryptedValue, boolean secret, Instant now) {
        this.encryptedValue = encryptedValue;
        this.secret = secret;
        this.updatedAt = now;
    }

    String name() {
        return name;
    }

    String encryptedValue() {
        return encryptedValue;
    }

    boolean secret() {
        return secret;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
