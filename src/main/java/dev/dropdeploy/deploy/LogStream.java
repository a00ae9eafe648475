package dev.dropdeploy.deploy;

import dev.dropdeploy.output.Backlog;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams one deployment's log as Server-Sent Events until it reaches a final state. New lines wait in a bounded
 * {@link Backlog}, so a client that reads slowly (or not at all) skips lines with a note instead of holding memory or
 * slowing the deployment down.
 */
final class LogStream {

    private static final Duration POLL = Duration.ofMillis(250);

    private LogStream() {}

    static SseEmitter start(UUID id, DeploymentLog log, Deployments deployments, DeploymentEnds ends, int backlog) {
        SseEmitter emitter = new SseEmitter(0L);
        Thread.ofVirtual()
                .name("log-stream-" + id)
                .start(() -> stream(id, log, deployments, ends, emitter, new Backlog<>(backlog)));
        return emitter;
    }

    private static void stream(
            UUID id,
            DeploymentLog log,
            Deployments deployments,
            DeploymentEnds ends,
            SseEmitter emitter,
            Backlog<LogLine> live) {
        // Subscribe to lines and to the end before reading what is stored, so nothing falls between the two; a line
        // may come twice. The end is an event; the database is read once before waiting and once after.
        CompletableFuture<DeploymentState> end = ends.of(id);
        try (AutoCloseable ignored = log.follow(id, live::offer)) {
            log.lines(id).forEach(line -> send(emitter, "log", line));
            boolean finished =
                    deployments.findUnscoped(id).orElseThrow().state().isFinal();
            while (!finished && !end.isDone()) {
                sendAll(emitter, live.await(POLL));
            }
            sendAll(emitter, live.drain());
            send(emitter, "done", deployments.findUnscoped(id).orElseThrow());
            emitter.complete();
        } catch (Exception e) {
            emitter.completeWithError(e);
        } finally {
            ends.forget(id, end);
        }
    }

    /** One line of the stream: {@code {phase, line, at}}, as the OpenAPI document and the CLI read it. */
    record Line(String phase, String line, String at) {}

    private static void sendAll(SseEmitter emitter, Backlog.Batch<LogLine> batch) {
        if (batch.skipped() > 0) {
            send(
                    emitter,
                    "log",
                    new Line(
                            "skipped",
                            Backlog.skippedNote(batch.skipped()),
                            Instant.now().toString()));
        }
        batch.items().forEach(line -> send(emitter, "log", line));
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            Object payload = data instanceof LogLine l ? new Line(l.phase(), l.line(), l.at().toString()) : data;
            emitter.send(SseEmitter.event().name(name).data(payload));
        } catch (IOException e) {
            throw new IllegalStateException("The client went away", e);
        }
    }
}
