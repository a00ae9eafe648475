package dev.dropdeploy.deploy;

import java.util.UUID;

public record DeploymentBecameLive(UUID deploymentId, UUID projectId, int version, String url, String versionUrl) {}
