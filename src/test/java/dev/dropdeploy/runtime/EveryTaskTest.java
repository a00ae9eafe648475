package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EveryTaskTest {

    private HttpServer relay;

    @AfterEach
    void stopTheRelay() {
        if (relay != null) {
            relay.stop(0);
        }
    }

    /** A relay that answers each request with the next of {@code statuses} (the last one repeats). */
    private String relay(String tasksHeader, AtomicReference<String> askedFor, int... statuses) throws IOException {
        relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger asked = new AtomicInteger();
        relay.createContext("/", exchange -> {
            askedFor.set(exchange.getRequestHeaders().getFirst(EveryTask.HEADER));
            int status = statuses[Math.min(asked.getAndIncrement(), statuses.length - 1)];
            byte[] body = (status == 200
                            ? "2 of 2 tasks answered"
                            : "1 of 2 tasks answered; no answer from 10.0.1.3: timed out")
                    .getBytes(StandardCharsets.UTF_8);
            if (tasksHeader != null) {
                exchange.getResponseHeaders().add("X-DropDeploy-Tasks", tasksHeader);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        relay.start();
        return "http://127.0.0.1:" + relay.getAddress().getPort() + "/dd-shop-v1-abc:8080/";
    }

    @Test
    void aTaskThatNeverAnswersIsNamedOnceTheDeadlinePasses() throws IOException {
        AtomicReference<String> header = new AtomicReference<>();
        String url = relay("2", header, 502);

        var silent = EveryTask.silent(
                url, 2, System.nanoTime() + Duration.ofMillis(300).toNanos(), Duration.ofMillis(50), () -> true);

        assertThat(silent).hasValueSatisfying(why -> assertThat(why).contains("10.0.1.3: timed out"));
        assertThat(header.get()).isEqualTo("1");
    }

    @Test
    void aTaskThatStartsAnsweringBeforeTheDeadlinePasses() throws IOException {
        String url = relay("2", new AtomicReference<>(), 502, 502, 200);

        assertThat(EveryTask.silent(
                        url,
                        2,
                        System.nanoTime() + Duration.ofSeconds(10).toNanos(),
                        Duration.ofMillis(10),
                        () -> true))
                .isEmpty();
    }

    @Test
    void anAnswerAboutFewerTasksThanRunIsNotYetAnAnswerAboutAll() throws IOException {
        String url = relay("1", new AtomicReference<>(), 200);

        assertThat(EveryTask.ask(url, 2))
                .hasValueSatisfying(why -> assertThat(why).contains("1 of 2 tasks"));
        assertThat(EveryTask.ask(url, 1)).isEmpty();
    }

    @Test
    void aRelayThatCannotCountTasksIsNoEvidenceAgainstThem() throws IOException {
        // An older relay ignores the header and relays to the service's address: its answer says nothing of the tasks.
        String url = relay(null, new AtomicReference<>(), 502);

        assertThat(EveryTask.ask(url, 2)).isEmpty();
    }

    @Test
    void aRelayThatDoesNotAnswerIsSaidSo() {
        assertThat(EveryTask.ask("http://127.0.0.1:1/dd-shop-v1-abc:8080/", 2))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the probe relay did not answer"));
    }

    @Test
    void anAppThatEndedStopsTheWaitAtOnce() throws IOException {
        String url = relay("2", new AtomicReference<>(), 502);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();

        assertThat(EveryTask.silent(url, 2, deadline, Duration.ofMillis(10), () -> false))
                .isPresent();
    }
}
