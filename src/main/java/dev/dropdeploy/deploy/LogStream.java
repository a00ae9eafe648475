package dev.dropdeploy.deploy;

import java.io.IOException;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Streams one deployment's log as Server-Sent Events until it reaches a final state. */
final class LogStream {

    private LogStream() {}

    static SseEmitter start(UUID id, DeploymentLog log, Deployments deployments) {
        SseEmitter emitter = new SseEmitter(0L);
        Thread.ofVirtual().name("log-stream-" + id).start(() -> stream(id, log, deployments, emitter));
        return emitter;
    }

    private static void stream(UUID id, DeploymentLog log, Deployments deployments, SseEmitter emitter) {
        // Subscribe before reading the stored lines so nothing falls between the two; a line may come twice.
        try (AutoCloseable ignored = log.follow(id, line -> send(emitter, "log", line))) {
            log.lines(id).forEach(line -> send(emitter, "log", line));
            DeploymentView view = deployments.findUnscoped(id).orElseThrow();
            while (!view.state().isFinal()) {
                Thread.sleep(250);
                view = deployments.findUnscoped(id).orElseThrow();
            }
            send(emitter, "done", view);
            emitter.complete();
        } catch (Exception e) {
            emitter.completeWithError(e);
        }
    }

    /** Field order is fixed so shell clients can read the stream with sed. */
    record Line(String phase, String line, String at) {}

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            Object payload = data instanceof LogLine l ? new Line(l.phase(), l.line(), l.at().toString()) : data;
            emitter.send(SseEmitter.event().name(name).data(payload));
        } catch (IOException e) {
            throw new IllegalStateException("The client went away", e);
        }
    }
}
