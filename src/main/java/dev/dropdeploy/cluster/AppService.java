package dev.dropdeploy.cluster;

/**
 * A DropDeploy service across the swarm.
 *
 * @param desired how many tasks Swarm should keep running (replicas; one per eligible node for a global service)
 * @param running how many run now; fewer than desired while Swarm replaces tasks or finds no node for them
 */
public record AppService(String name, String project, int version, int desired, int running) {

    public boolean complete() {
        return running >= desired;
    }
}
