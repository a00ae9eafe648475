package dev.dropdeploy.deploy;

import java.util.UUID;

/** A sleeping app's container runs and answers again, and its own routes are back. */
public record AppWoke(UUID projectId, UUID deploymentId) {}
