package dev.dropdeploy.workspace;

/** Input that cannot become a version (too big, a path escaping the project, ...); the message says why. */
public class WorkspaceException extends RuntimeException {

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
