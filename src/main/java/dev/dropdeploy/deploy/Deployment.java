package dev.dropdeploy.deploy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** One attempt to put a version live. Transitions are guarded: a step from the wrong state is a bug, not a path. */
@Entity
@Table(name = "deployment")
class Deployment {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(nullable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeploymentState state;

    private String reason;
    private String image;

    @Column(name = "container_id")
    private String containerId;

    @Column(name = "container_name")
    private String containerName;

    private Integer port;
    private String stack;
    private String framework;
    private String detection;

    /** Read from {@link #detection} on first use; never stored. */
    @Transient
    private Boolean runPage;

    @Column(name = "rollback_of")
    private UUID rollbackOf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "building_at")
    private Instant buildingAt;

    @Column(name = "starting_at")
    private Instant startingAt;

    @Column(name = "healthy_at")
    private Instant healthyAt;

    @Column(name = "live_at")
    private Instant liveAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Deployment() {}

    Deployment(UUID projectId, int version, UUID rollbackOf, Instant now) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.version = version;
        this.rollbackOf = rollbackOf;
        this.state = DeploymentState.QUEUED;
        this.createdAt = now;
    }

    void markBuilding(String stack, String framework, String detectionJson, int port, Instant now) {
        move(EnumSet.of(DeploymentState.QUEUED), DeploymentState.BUILDING);
        this.buildingAt = now;
        redetected(stack, framework, detectionJson, port);
    }

    /** While building: the project's own Dockerfile gave way to the build of its code, detected afresh. */
    void redetected(String stack, String framework, String detectionJson, int port) {
        if (state != DeploymentState.BUILDING) {
            throw new IllegalStateException("Deployment " + id + " is " + state + ", not building");
        }
        this.stack = stack;
        this.framework = framework;
        this.detection = detectionJson;
        this.runPage = null;
        this.port = port;
    }

    /** A rollback reuses an earlier deployment's image and port, so it skips building. */
    void markStarting(String image, Instant now) {
        move(EnumSet.of(DeploymentState.QUEUED, DeploymentState.BUILDING), DeploymentState.STARTING);
        this.image = image;
        this.startingAt = now;
    }

    void copyRunSettingsFrom(Deployment earlier) {
        this.stack = earlier.stack;
        this.framework = earlier.framework;
        this.detection = earlier.detection;
        this.runPage = null;
        this.port = earlier.port;
    }

    void markHealthy(String containerId, String containerName, Instant now) {
        move(EnumSet.of(DeploymentState.STARTING), DeploymentState.HEALTHY);
        this.containerId = containerId;
        this.containerName = containerName;
        this.healthyAt = now;
    }

    void markLive(Instant now) {
        move(EnumSet.of(DeploymentState.HEALTHY), DeploymentState.LIVE);
        this.liveAt = now;
    }

    void markFailed(String reason, Instant now) {
        move(
                EnumSet.of(
                        DeploymentState.QUEUED,
                        DeploymentState.BUILDING,
                        DeploymentState.STARTING,
                        DeploymentState.HEALTHY),
                DeploymentState.FAILED);
        this.reason = reason;
        this.finishedAt = now;
    }

    void markSuperseded(Instant now) {
        move(EnumSet.of(DeploymentState.LIVE), DeploymentState.SUPERSEDED);
        this.finishedAt = now;
    }

    /** Idempotent: a drain and a project stop may both get here. */
    void markStopped(String reason, Instant now) {
        if (state == DeploymentState.STOPPED) {
            return;
        }
        move(EnumSet.of(DeploymentState.LIVE, DeploymentState.SUPERSEDED), DeploymentState.STOPPED);
        this.reason = reason;
        this.containerId = null;
        if (finishedAt == null) {
            finishedAt = now;
        }
    }

    private void move(Set<DeploymentState> from, DeploymentState to) {
        if (!from.contains(state)) {
            throw new IllegalStateException("Deployment " + id + " cannot go from " + state + " to " + to);
        }
        state = to;
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    int version() {
        return version;
    }

    DeploymentState state() {
        return state;
    }

    String image() {
        return image;
    }

    String containerId() {
        return containerId;
    }

    Integer port() {
        return port;
    }

    String detection() {
        return detection;
    }

    /** Whether what this deployment runs is a program's run page rather than a web app. */
    boolean runPage() {
        if (runPage == null) {
            try {
                runPage = detection != null && !BuildStep.readReport(detection).webServer();
            } catch (RuntimeException unreadable) {
                runPage = false;
            }
        }
        return runPage;
    }

    Instant createdAt() {
        return createdAt;
    }

    UUID rollbackOf() {
        return rollbackOf;
    }

    DeploymentView view(String slug, String url, String versionUrl) {
        return new DeploymentView(
                id,
                projectId,
                slug,
                version,
                state,
                reason,
                url,
                versionUrl,
                stack,
                framework,
                image,
                rollbackOf,
                createdAt,
                buildingAt,
                startingAt,
                healthyAt,
                liveAt,
                finishedAt,
                runPage());
    }
}
