package dev.dropdeploy.deploy;

import java.util.List;
import java.util.UUID;

/**
 * @param reason plain words: what went wrong and what to change
 * @param evidence the log lines that show it, for a person or a model fixing the code
 */
public record DeploymentFailed(UUID deploymentId, UUID projectId, int version, String reason, List<String> evidence) {}
