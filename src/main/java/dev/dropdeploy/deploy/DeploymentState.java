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

    public boolean isFinal() {
        return this == LIVE || this == FAILED || this == SUPERSEDED || this == STOPPED;
    }
}
