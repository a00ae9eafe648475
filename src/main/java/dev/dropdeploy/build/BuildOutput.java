package dev.dropdeploy.build;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the engine's output chunks into lines, passes each on, and remembers the current Dockerfile step and the
 * last lines, which is what a person needs when the build fails.
 */
final class BuildOutput {

    private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : (.*)$");
    private static final int KEPT_LINES = 40;

    private final Consumer<String> sink;
    private final Deque<String> last = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private String currentStep;

    BuildOutput(Consumer<String> sink) {
        this.sink = sink;
    }

    synchronized void append(String chunk) {
        partial.append(chunk);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            line(partial.substring(0, newline).stripTrailing());
            partial.delete(0, newline + 1);
        }
    }

    synchronized BuildFailure failure(String message) {
        if (!partial.isEmpty()) {
            line(partial.toString());
            partial.setLength(0);
        }
        return new BuildFailure(message, currentStep, List.copyOf(last));
    }

    private void line(String line) {
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
