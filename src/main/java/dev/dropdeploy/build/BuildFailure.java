package dev.dropdeploy.build;

import java.util.List;

/**
 * A build that did not produce an image.
 *
 * @see #failedStep() the Dockerfile instruction that failed, for example {@code RUN npm ci}, or {@code null}
 * @see #lastLines() the last lines of its output, which usually hold the cause
 */
public class BuildFailure extends RuntimeException {

    private final String failedStep;
    private final List<String> lastLines;

    public BuildFailure(String message, String failedStep, List<String> lastLines) {
        super(message);
        this.failedStep = failedStep;
        this.lastLines = List.copyOf(lastLines);
    }

    public String failedStep() {
        return failedStep;
    }

    public List<String> lastLines() {
        return lastLines;
    }

    /**
     * Whether one of the Dockerfile's own steps failed (a command returned non-zero, a file was missing), as opposed to
     * a build stopped from outside ({@link BuildStopped}) or refused before it ran: only the first says something
     * about the Dockerfile.
     */
    public boolean stepFailed() {
        return failedStep != null;
    }
}
