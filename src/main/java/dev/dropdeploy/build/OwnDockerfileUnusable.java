package dev.dropdeploy.build;

import java.util.List;

/**
 * A project's own Dockerfile cannot be built here (its base image cannot be had) or anywhere (it copies a file the
 * project does not have). Not a refusal of the author's intent: the deploy step may build the app from its code
 * instead, and says so.
 */
public class OwnDockerfileUnusable extends BuildFailure {

    OwnDockerfileUnusable(String message, String failedStep) {
        super(message, failedStep, List.of());
    }
}
