package dev.dropdeploy.build;

/**
 * A project's own Dockerfile starts from an image this installation cannot have (a third-party registry's, a
 * buildpack platform's). Not a refusal of the author's intent: the deploy step may build the app from its code
 * instead, and says so.
 */
public final class BaseImageUnavailable extends OwnDockerfileUnusable {

    BaseImageUnavailable(String message, String failedStep) {
        super(message, failedStep);
    }
}
