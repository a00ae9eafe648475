package dev.dropdeploy.cluster;

import java.time.Instant;

/** An administrator drained a node: Swarm moves its tasks to other nodes and places no new ones there. */
public record NodeDrained(String nodeId, String hostname, String by, Instant at) {}
