package dev.dropdeploy.data;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One attached kind of data, as stored. */
@Entity
@Table(name = "project_data")
class StoredData {

    @Embeddable
    record Key(
            @Column(name = "project_id") UUID projectId,

            @Enumerated(EnumType.STRING) @Column(name = "kind")
            DataKind kind)
            implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "attached_at", nullable = false)
    private Instant attachedAt;

    @Column(name = "used_bytes", nullable = false)
    private long usedBytes;

    @Column(name = "measured_at")
    private Instant measuredAt;

    protected StoredData() {}

    StoredData(UUID projectId, DataKind kind, Instant now) {
        this.key = new Key(projectId, kind);
        this.attachedAt = now;
    }

    UUID projectId() {
        return key.projectId();
    }

    DataKind kind() {
        return key.kind();
    }

    long usedBytes() {
        return usedBytes;
    }

    void measured(long bytes, Instant now) {
        this.usedBytes = bytes;
        this.measuredAt = now;
    }

    AttachedData view(long quota) {
        return new AttachedData(kind(), attachedAt, usedBytes, measuredAt, kind() == DataKind.FOLDER ? quota : 0);
    }
}
