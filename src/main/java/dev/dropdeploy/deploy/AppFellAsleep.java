package dev.dropdeploy.deploy;

import java.util.UUID;

/** A project's app was idle long enough: its container is stopped (kept) and its hosts go to the waker. */
public record AppFellAsleep(UUID projectId, UUID deploymentId) {}
