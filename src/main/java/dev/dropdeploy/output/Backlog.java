package dev.dropdeploy.output;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * What a live reader has not taken yet, at most {@code capacity} items: when it is full the oldest item is dropped
 * and counted, so a reader that falls behind (or never reads) costs bounded memory and the writer never waits for
 * it. Thread-safe: writers {@link #offer}, one reader {@link #drain}s or {@link #await}s.
 */
public final class Backlog<T> {

    /** @param skipped items dropped before {@code items} because the reader fell behind */
    public record Batch<T>(long skipped, List<T> items) {

        public boolean isEmpty() {
            return skipped == 0 && items.isEmpty();
        }
    }

    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private long skipped;

    public Backlog(int capacity) {
        this.capacity = capacity;
    }

    /** @return whether the backlog was empty, so a reader that drains on demand knows to schedule a drain */
    public synchronized boolean offer(T item) {
        boolean wasEmpty = items.isEmpty() && skipped == 0;
        if (items.size() >= capacity) {
            items.removeFirst();
            skipped++;
        }
        items.addLast(item);
        notifyAll();
        return wasEmpty;
    }

    public synchronized Batch<T> drain() {
        Batch<T> batch = new Batch<>(skipped, List.copyOf(items));
        items.clear();
        skipped = 0;
        return batch;
    }

    /** Waits up to {@code timeout} for something to take, then takes what there is (maybe nothing). */
    public synchronized Batch<T> await(Duration timeout) throws InterruptedException {
        if (items.isEmpty() && skipped == 0) {
            wait(Math.max(1, timeout.toMillis()));
        }
        return drain();
    }

    /** The line a reader shows where lines were skipped. */
    public static String skippedNote(long skipped) {
        return String.format(Locale.ROOT, "… %,d lines skipped: this view fell behind the output …", skipped);
    }
}
