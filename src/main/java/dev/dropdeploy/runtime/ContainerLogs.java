package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads app logs as lines: a bounded tail, or a live follow until closed. */
final class ContainerLogs {

    private static final Logger log = LoggerFactory.getLogger(ContainerLogs.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** Opens the engine's log stream of one container or one Swarm service: the last {@code tail} lines, or follows. */
    interface Source {
        LogLines open(String id, int tail, boolean follow, LogLines callback);
    }

    private final Source source;
    private final int maxLine;

    /** @param maxLine longest line passed on; see {@code OutputLimits} */
    ContainerLogs(DockerClient docker, int maxLine) {
        this(
                (id, tail, follow, callback) -> docker.logContainerCmd(id)
                        .withStdOut(true)
                        .withStdErr(true)
                        .withTail(tail)
                        .withFollowStream(follow)
                        .exec(callback),
                maxLine);
    }

    ContainerLogs(Source source, int maxLine) {
        this.source = source;
        this.maxLine = maxLine;
    }

    /** Every task's lines of a Swarm service, as {@code docker service logs} shows them. */
    static ContainerLogs ofServices(DockerClient docker, int maxLine) {
        return new ContainerLogs(
                (id, tail, follow, callback) -> docker.logServiceCmd(id)
                        .withStdout(true)
                        .withStderr(true)
                        .withTail(tail)
                        .withFollow(follow)
                        .exec(callback),
                maxLine);
    }

    /** At most {@code lines} lines, each at most {@code maxLine} long, whatever the engine sends. */
    List<String> tail(String containerId, int lines) {
        Deque<String> collected = new ArrayDeque<>();
        Consumer<String> keepLast = line -> {
            synchronized (collected) {
                collected.addLast(line);
                if (collected.size() > lines) {
                    collected.removeFirst();
                }
            }
        };
        try (LogLines callback = source.open(containerId, lines, false, new LogLines(keepLast, maxLine))) {
            if (!callback.awaitCompletion(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "The log of {} took longer than {} to read; returning what arrived", containerId, READ_TIMEOUT);
            }
            callback.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while reading the log of " + containerId, e);
        } catch (IOException e) {
            log.debug("Closing the log stream of {} failed", containerId, e);
        }
        synchronized (collected) {
            return List.copyOf(collected);
        }
    }

    /** Only new lines: callers that want history read {@link #tail} first. */
    AutoCloseable follow(String containerId, Consumer<String> sink) {
        return source.open(containerId, 0, true, new LogLines(sink, maxLine));
    }
}
