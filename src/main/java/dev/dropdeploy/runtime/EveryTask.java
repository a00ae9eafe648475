package dev.dropdeploy.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether every task of a service answers from the manager's side, asked through the probe relay. The service's name
 * resolves to all its tasks and a connection that fails on one address falls through to the next, so a task on a node
 * whose overlay traffic never comes back (UDP 4789 or ESP blocked between nodes, a kernel without IPsec under an
 * encrypted network) would pass the health wait and then time out for the visitors Traefik sends to it.
 */
final class EveryTask {

    static final String HEADER = "X-DropDeploy-Every-Task";
    private static final String TASKS = "X-DropDeploy-Tasks";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private EveryTask() {}

    /**
     * Asks until every task answers or the deadline passes.
     *
     * @return what the relay said about the tasks that did not answer; empty when all did, or when the relay is one
     *     that cannot tell (no task count in its answer)
     */
    static Optional<String> silent(
            String url, long expected, long deadlineNanos, Duration pause, Supplier<Boolean> stillWanted) {
        Optional<String> silent = ask(url, expected);
        while (silent.isPresent() && System.nanoTime() < deadlineNanos && stillWanted.get()) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return silent;
            }
            silent = ask(url, expected);
        }
        return silent;
    }

    /**
     * @param expected how many tasks run: until the manager's DNS lists that many (the worker's entries come by
     *     gossip), the answer is not yet about all of them
     */
    static Optional<String> ask(String url, long expected) {
        try {
            HttpResponse<String> answer = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header(HEADER, "1")
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> found = answer.headers().firstValue(TASKS);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            long tasks = found.get().matches("\\d{1,9}") ? Long.parseLong(found.get()) : 0;
            if (answer.statusCode() == 200 && tasks >= expected) {
                return Optional.empty();
            }
            return Optional.of(
                    tasks < expected
                            ? "the manager knows the address of " + tasks + " of " + expected + " tasks; "
                                    + answer.body().strip()
                            : answer.body().strip());
        } catch (IOException e) {
            return Optional.of("the probe relay did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
