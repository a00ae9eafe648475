package dev.dropdeploy.runtime;

/** A container that carries DropDeploy's labels, as found in the engine (for reconciliation and the reaper). */
public record ManagedContainer(
        String id, String name, String projectSlug, int version, String deploymentId, boolean running) {}
