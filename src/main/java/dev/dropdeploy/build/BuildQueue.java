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
    private final ConcurrentMap<String, ReentrantLock> perProject = new ConcurrentHashMap<>();

    BuildQueue(BuildLimits limits) {
        this.slots = new Semaphore(limits.concurrency(), true);
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

    int waiting() {
        return slots.getQueueLength();
    }
}
