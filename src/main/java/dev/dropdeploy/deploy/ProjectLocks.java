package dev.dropdeploy.deploy;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/** One project changes one thing at a time (deploy, stop, delete), in the order asked. */
@Component
class ProjectLocks {

    private final ConcurrentMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    void run(UUID projectId, Runnable action) {
        ReentrantLock lock = locks.computeIfAbsent(projectId, id -> new ReentrantLock(true));
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
