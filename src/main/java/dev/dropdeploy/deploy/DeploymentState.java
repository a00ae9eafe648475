package dev.dropdeploy.deploy;

/** Where a deployment is. {@code LIVE}, {@code FAILED}, {@code SUPERSEDED} and {@code STOPPED} are final. */
public enum DeploymentState {
    QUEUED,
    BUILDING,
    STARTING,
    HEALTHY,
    LIVE,
    FAILED,
    /** A newer deployment of the project went live; this one may still serve its own version address. */
    SUPERSEDED,
    STOPPED;

    /** Queued or on its way to live: what the concurrent-deployment quota counts. */
    public static final java.util.Set<DeploymentState> IN_PROGRESS =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(QUEUED, BUILDING, STARTING, HEALTHY));

    public boolean isFinal() {
        return this == LIVE || this == FAILED || this == SUPERSEDED || this == STOPPED;
    }
}
