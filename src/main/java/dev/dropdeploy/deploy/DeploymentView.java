package dev.dropdeploy.deploy;

import java.time.Instant;
import java.util.UUID;

/**
 * A deployment as others see it. Timestamps are {@code null} for steps not reached.
 *
 * @param url the project's address, where the live version answers
 * @param versionUrl this version's own address
 * @param reason why it failed, in plain words, or {@code null}
 * @param runPage whether what runs is a program behind its run page (a form and its output), not a web app
 */
public record DeploymentView(
        UUID id,
        UUID projectId,
        String projectSlug,
        int version,
        DeploymentState state,
        String reason,
        String url,
        String versionUrl,
        String stack,
        String framework,
        String image,
        UUID rollbackOf,
        Instant queuedAt,
        Instant buildingAt,
        Instant startingAt,
        Instant healthyAt,
        Instant liveAt,
        Instant finishedAt,
        boolean runPage) {}
