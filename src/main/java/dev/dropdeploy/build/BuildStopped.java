package dev.dropdeploy.build;

import java.util.List;

/**
 * A build stopped from outside while one of its steps ran: the time limit, an interrupt (shutdown), the engine going
 * away. The step it was on is kept for the person reading the reason, but the step did not fail, so nothing may
 * conclude from it that the Dockerfile is wrong.
 */
public final class BuildStopped extends BuildFailure {

    public BuildStopped(String message, String runningStep, List<String> lastLines) {
        super(message, runningStep, lastLines);
    }

    @Override
    public boolean stepFailed() {
        return false;
    }
}
