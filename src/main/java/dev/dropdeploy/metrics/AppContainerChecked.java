package dev.dropdeploy.metrics;

import java.time.Instant;
import java.util.UUID;

/**
 * What the sampler saw of a live app's container at one sample: published for every live app each interval, so a
 * follower (alerts) learns of crashes and outages without asking the engine itself.
 *
 * @param running whether the live deployment's container was running (missing, exited or restarting: {@code false})
 * @param restarts how often the engine restarted it since the previous sample (its restart policy after a crash)
 */
public record AppContainerChecked(UUID projectId, UUID deploymentId, boolean running, int restarts, Instant at) {}
