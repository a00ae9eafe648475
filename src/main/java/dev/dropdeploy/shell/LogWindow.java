package dev.dropdeploy.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The last lines of a log that a page holds: at most {@code capacity}, however much the app prints. */
final class LogWindow {

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();
    private long seen;

    LogWindow(int capacity) {
        this.capacity = capacity;
    }

    void replace(List<String> all) {
        lines.clear();
        seen = 0;
        all.forEach(this::add);
    }

    void add(String line) {
        lines.addLast(line);
        seen++;
        if (lines.size() > capacity) {
            lines.removeFirst();
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Why the page does not show everything, when it does not. */
    Optional<String> note() {
        return seen <= capacity
                ? Optional.empty()
                : Optional.of(String.format(
                        Locale.ROOT,
                        "Showing the last %,d of %,d lines; download the log for the rest.",
                        capacity,
                        seen));
    }
}
