package dev.dropdeploy.cluster;

import java.time.Instant;

/**
 * A poll saw a node that was ready before no longer ready (down, disconnected or unknown). Swarm reschedules its
 * tasks by itself; this says that it happened and how many of DropDeploy's tasks were there.
 */
public record NodeWentDown(String nodeId, String hostname, String state, int tasksMoved, Instant at) {}
