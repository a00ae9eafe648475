package dev.dropdeploy.runtime;

import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Waits for an app to answer HTTP from outside its container, so images need no curl and nothing runs inside them.
 * Between probes it looks at the container: an app that died is reported at once, with its exit code and last lines.
 */
final class HealthProbe {

    static final int LOG_TAIL = 40;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final Duration pollInterval;

    HealthProbe(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /**
     * @param state the container's current state, or {@code null} once it is gone
     * @param logTail the container's last lines
     */
    HealthOutcome await(
            String probeUrl,
            Duration timeout,
            Supplier<ContainerState> state,
            Function<Integer, List<String>> logTail) {
        return awaitAnswer(
                probeUrl,
                timeout,
                () -> {
                    ContainerState current = state.get();
                    return stopped(current) ? exited(current, logTail.apply(LOG_TAIL)) : null;
                },
                logTail);
    }

    /**
     * The same wait for an app that is not one container (a Swarm service's tasks).
     *
     * @param ended the failed outcome once the app can no longer answer, {@code null} while it may
     */
    HealthOutcome awaitAnswer(
            String probeUrl, Duration timeout, Supplier<HealthOutcome> ended, Function<Integer, List<String>> logTail) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String lastProblem = "no attempt";
        while (true) {
            HealthOutcome end = ended.get();
            if (end != null) {
                return end;
            }
            Attempt attempt = probe(probeUrl);
            if (attempt.answered()) {
                return new HealthOutcome(
                        true,
                        null,
                        false,
                        List.of(),
                        "answered %d on %s after %s"
                                .formatted(attempt.status(), path(probeUrl), seconds(System.nanoTime() - start)));
            }
            lastProblem = attempt.problem();
            if (System.nanoTime() + pollInterval.toNanos() > deadline) {
                return timedOut(probeUrl, timeout, lastProblem, logTail.apply(LOG_TAIL));
            }
            sleep(pollInterval);
        }
    }

    static boolean stopped(ContainerState state) {
        return state == null || Boolean.TRUE.equals(state.getRestarting()) || !Boolean.TRUE.equals(state.getRunning());
    }

    static HealthOutcome exited(ContainerState state, List<String> logTail) {
        if (state == null) {
            return new HealthOutcome(false, null, false, logTail, "the container disappeared while starting");
        }
        Long code = state.getExitCodeLong();
        boolean oom = Boolean.TRUE.equals(state.getOOMKilled());
        String detail = "exited with code " + code + (oom ? " (killed for exceeding its memory limit)" : "");
        return new HealthOutcome(false, code == null ? null : code.intValue(), oom, logTail, detail);
    }

    static HealthOutcome timedOut(String probeUrl, Duration timeout, String lastProblem, List<String> logTail) {
        URI uri = URI.create(probeUrl);
        String detail = "no answer on port %d at %s in %s (last attempt: %s)"
                .formatted(uri.getPort(), path(probeUrl), seconds(timeout.toNanos()), lastProblem);
        return new HealthOutcome(false, null, false, logTail, detail);
    }

    private Attempt probe(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            // Any answer below 500 means the app is up; whether a visitor gets the app is asked next, as a visitor.
            return status < 500 ? new Attempt(status, null) : new Attempt(status, "HTTP " + status);
        } catch (IOException e) {
            return new Attempt(0, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while waiting for " + url, e);
        }
    }

    /** The JDK leaves most of these messages empty; say what a person would. */
    static String describe(IOException e) {
        return switch (e) {
            case HttpConnectTimeoutException t -> "connecting timed out";
            case HttpTimeoutException t -> "no response within " + REQUEST_TIMEOUT.toSeconds() + " s";
            case ConnectException c -> "connection refused";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    private static String path(String url) {
        String path = URI.create(url).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while waiting for the app to answer", e);
        }
    }

    private record Attempt(int status, String problem) {
        boolean answered() {
            return problem == null;
        }
    }
}
