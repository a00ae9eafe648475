package dev.dropdeploy.cluster;

import java.time.Instant;

/** An administrator made a node active again: Swarm may place tasks there (it does not move running ones back). */
public record NodeActivated(String nodeId, String hostname, String by, Instant at) {}
