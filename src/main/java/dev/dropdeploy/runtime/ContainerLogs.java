package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
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

    private final DockerClient docker;
    private final int maxLine;

    /** @param maxLine longest line passed on; see {@code OutputLimits} */
    ContainerLogs(DockerClient docker, int maxLine) {
        this.docker = docker;
        this.maxLine = maxLine;
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
        try (LogLines callback = both(containerId).withTail(lines).exec(new LogLines(keepLast, maxLine))) {
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
        return both(containerId).withTail(0).withFollowStream(true).exec(new LogLines(sink, maxLine));
    }

    private LogContainerCmd both(String containerId) {
        return docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true);
    }
}
