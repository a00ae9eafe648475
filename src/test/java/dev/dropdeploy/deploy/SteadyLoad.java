package dev.dropdeploy.deploy;

import dev.dropdeploy.support.Http;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** One client sending requests back to back, as a visitor would, recording every answer in order. */
final class SteadyLoad implements AutoCloseable {

    private final String url;
    private final String host;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private Thread thread;

    private SteadyLoad(String url, String host) {
        this.url = url;
        this.host = host;
    }

    static SteadyLoad start(String url, String host) {
        SteadyLoad load = new SteadyLoad(url, host);
        load.thread = Thread.ofPlatform().name("steady-load").start(load::loop);
        return load;
    }

    private void loop() {
        while (running.get()) {
            try {
                HttpResponse<String> response = Http.getWithHost(url, host);
                if (response.statusCode() == 200) {
                    bodies.add(response.body());
                } else {
                    failures.add("HTTP " + response.statusCode());
                }
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    int failures() {
        return failures.size();
    }

    List<String> failureSamples() {
        return failures.stream().limit(5).toList();
    }

    List<String> bodies() {
        return bodies;
    }

    /** True when every answer containing {@code before} came before the first containing {@code after}. */
    boolean switchedOnce(String before, String after) {
        int firstAfter = -1;
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i).contains(after)) {
                firstAfter = i;
                break;
            }
        }
        return firstAfter > 0
                && bodies.subList(firstAfter, bodies.size()).stream().noneMatch(b -> b.contains(before));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
