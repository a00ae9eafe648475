package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

    ContainerLogs(DockerClient docker) {
        this.docker = docker;
    }

    List<String> tail(String containerId, int lines) {
        List<String> collected = Collections.synchronizedList(new ArrayList<>());
        try (LogLines callback = both(containerId).withTail(lines).exec(new LogLines(collected::add))) {
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
        return both(containerId).withTail(0).withFollowStream(true).exec(new LogLines(sink));
    }

    private LogContainerCmd both(String containerId) {
        return docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true);
    }
}
