/**
 * The cluster under DropDeploy as the operator sees it: whether the engine is a Swarm manager or a single engine, its
 * nodes (state, role, availability, resources, labels) and, per node, the tasks of DropDeploy's own services; an
 * administrator drains and activates nodes. It reads the engine through {@code SwarmEngine}, its own face over
 * docker-java, and never runs apps itself (that is the runtime's). The entry point is
 * {@link dev.dropdeploy.cluster.Nodes}; it publishes {@link dev.dropdeploy.cluster.NodeDrained},
 * {@link dev.dropdeploy.cluster.NodeActivated} and {@link dev.dropdeploy.cluster.NodeWentDown}.
 */
package dev.dropdeploy.cluster;
