package dev.dropdeploy.workspace;

/**
 * The project does not exist or belongs to someone else. Both read the same, so nobody learns about other users'
 * projects by probing.
 */
public class ProjectNotFound extends RuntimeException {

    public ProjectNotFound(String what) {
        super("No project " + what);
    }
}
