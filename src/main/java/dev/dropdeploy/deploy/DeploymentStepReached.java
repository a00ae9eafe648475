package dev.dropdeploy.deploy;

import java.util.UUID;

/** A deployment moved to {@code state}; the chat and the UI draw their timelines from these. */
public record DeploymentStepReached(UUID deploymentId, UUID projectId, int version, DeploymentState state) {}
