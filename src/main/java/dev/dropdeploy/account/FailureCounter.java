package dev.dropdeploy.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per key (an account name or a client address): {@code limit} failures within {@code window} block
 * the key for {@code coolOff}. At most {@code maxTracked} keys are kept, the least recently seen dropped first, and each
 * keeps at most {@code limit} times, so a client making up names or addresses cannot grow it without bound.
 */
final class FailureCounter {

    private final int limit;
    private final Duration window;
    private final Duration coolOff;
    private final Map<String, Failures> byKey;

    FailureCounter(int limit, Duration window, Duration coolOff, int maxTracked) {
        this.limit = limit;
        this.window = window;
        this.coolOff = coolOff;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxTracked;
            }
        };
    }

    synchronized boolean blocked(String key, Instant now) {
        Failures failures = byKey.get(key);
        return failures != null && failures.blockedUntil != null && now.isBefore(failures.blockedUntil);
    }

    synchronized void failed(String key, Instant now) {
        Failures failures = byKey.computeIfAbsent(key, k -> new Failures());
        Instant horizon = now.minus(window);
        failures.times.removeIf(t -> !t.isAfter(horizon));
        failures.times.addLast(now);
        if (failures.times.size() >= limit) {
            failures.blockedUntil = now.plus(coolOff);
            failures.times.clear();
        }
    }

    synchronized void forget(String key) {
        byKey.remove(key);
    }

    synchronized int tracked() {
        return byKey.size();
    }

    private static final class Failures {
        private final ArrayDeque<Instant> times = new ArrayDeque<>();
        private Instant blockedUntil;
    }
}
