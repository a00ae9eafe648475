package dev.dropdeploy.metrics;

/** Arithmetic on counters that only grow until their owner restarts (a container, Traefik). */
final class Counters {

    private Counters() {}

    /** What was added since {@code before}; after a reset the counter started again from zero, so all of it. */
    static long delta(long before, long now) {
        return now >= before ? now - before : now;
    }
}
