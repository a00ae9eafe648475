package dev.dropdeploy.build;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds builds and keeps them fair: at most {@code concurrency} at once, at most one per project, and waiting
 * projects served first come, first served. A project with ten queued builds therefore holds one place in the line,
 * not ten.
 */
@Component
class BuildQueue {

    private final Semaphore slots;
    private final int concurrency;
    private final ConcurrentMap<String, ReentrantLock> perProject = new ConcurrentHashMap<>();

    BuildQueue(BuildLimits limits) {
        this.concurrency = limits.concurrency();
        this.slots = new Semaphore(concurrency, true);
    }

    <T> T run(String projectSlug, Supplier<T> build) {
        ReentrantLock project = perProject.computeIfAbsent(projectSlug, slug -> new ReentrantLock(true));
        project.lock();
        try {
            slots.acquireUninterruptibly();
            try {
                return build.get();
            } finally {
                slots.release();
            }
        } finally {
            project.unlock();
        }
    }

    /**
     * Runs the action while no build runs and none can start, or not at all (returns false) when a build runs now: the
     * engine's leftovers are the layers builds reuse as their cache, so removing them under a running build can take a
     * layer it is about to build on.
     */
    boolean runWhileIdle(Runnable action) {
        if (!slots.tryAcquire(concurrency)) {
            return false;
        }
        try {
            action.run();
            return true;
        } finally {
            slots.release(concurrency);
        }
    }

    int waiting() {
        return slots.getQueueLength();
    }
}
