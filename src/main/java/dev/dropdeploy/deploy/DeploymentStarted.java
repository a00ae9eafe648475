package dev.dropdeploy.deploy;

import java.util.UUID;

public record DeploymentStarted(UUID deploymentId, UUID projectId, int version) {}
