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
}
