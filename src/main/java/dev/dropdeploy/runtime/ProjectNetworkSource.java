package dev.dropdeploy.runtime;

/**
 * Where a project's data containers join its apps: a bridge network on the engine backend, an attachable overlay on
 * the Swarm backend. Implemented by whichever {@link AppContainers} runs.
 */
interface ProjectNetworkSource {

    /** Creates the project network unless it exists (Traefik joined) and returns its name. */
    String ensureProjectNetwork(String projectSlug);
}
