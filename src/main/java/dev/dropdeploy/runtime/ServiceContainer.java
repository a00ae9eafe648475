package dev.dropdeploy.runtime;

/** A service container found on the engine: whose it is, which service, whether it runs. */
public record ServiceContainer(String projectSlug, String service, String containerId, boolean running) {}
