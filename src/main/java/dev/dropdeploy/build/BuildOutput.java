package dev.dropdeploy.build;

import dev.dropdeploy.output.LineSplitter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the engine's output chunks into lines of bounded length, passes each on, and remembers the current Dockerfile
 * step and the last lines, which is what a person needs when the build fails.
 */
final class BuildOutput {

    private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : (.*)$");
    private static final int KEPT_LINES = 80;

    private final Consumer<String> sink;
    private final Deque<String> last = new ArrayDeque<>();
    private final LineSplitter splitter;
    private String currentStep;

    /** @param maxLine a build printing a longer line (or one without a newline) is cut there */
    BuildOutput(Consumer<String> sink, int maxLine) {
        this.sink = sink;
        this.splitter = new LineSplitter(maxLine, this::line);
    }

    synchronized void append(String chunk) {
        splitter.accept(chunk.getBytes(StandardCharsets.UTF_8));
    }

    synchronized BuildFailure failure(String message) {
        splitter.flush();
        return new BuildFailure(message, currentStep, List.copyOf(last));
    }

    /** The build was stopped from outside while on its current step, which did not fail by itself. */
    synchronized BuildStopped stopped(String message) {
        splitter.flush();
        return new BuildStopped(message, currentStep, List.copyOf(last));
    }

    private void line(String raw) {
        String line = raw.stripTrailing();
        Matcher step = STEP.matcher(line);
        if (step.matches()) {
            currentStep = step.group(1);
        }
        last.addLast(line);
        if (last.size() > KEPT_LINES) {
            last.removeFirst();
        }
        sink.accept(line);
    }
}
