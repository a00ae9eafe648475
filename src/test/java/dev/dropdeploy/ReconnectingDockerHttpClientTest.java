package dev.dropdeploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectingDockerHttpClientTest {

    private static final Request INSPECT =
            Request.builder().method(Request.Method.GET).path("/images/x/json").build();
    private static final Request BUILD = Request.builder()
            .method(Request.Method.POST)
            .path("/build")
            .body(new ByteArrayInputStream(new byte[] {1, 2, 3}))
            .build();

    private final List<String> sent = new ArrayList<>();
    private final Deque<Pool> pools = new ArrayDeque<>();

    /** A connection pool whose connections the engine's restart killed, or a fresh one. */
    private class Pool implements DockerHttpClient {
        private final boolean dead;

        Pool(boolean dead) {
            this.dead = dead;
        }

        @Override
        public Response execute(Request request) {
            sent.add((dead ? "dead " : "fresh ") + request.path());
            if (dead) {
                throw new RuntimeException(new IOException("Broken pipe"));
            }
            return mock(Response.class);
        }

        @Override
        public void close() {}
    }

    private ReconnectingDockerHttpClient clientWhosePoolDied() {
        pools.add(new Pool(true));
        pools.add(new Pool(false));
        return new ReconnectingDockerHttpClient(pools::removeFirst);
    }

    @Test
    void aRequestThatMeetsADeadConnectionIsSentAgainOnAFreshPool() {
        ReconnectingDockerHttpClient client = clientWhosePoolDied();

        assertThat(client.execute(INSPECT)).isNotNull();
        assertThat(sent).containsExactly("dead /images/x/json", "fresh /images/x/json");
    }

    @Test
    void aStreamedBodyIsSentOnlyOnceAndOnlyAfterAPingFoundTheConnectionsAlive() {
        ReconnectingDockerHttpClient client = clientWhosePoolDied();

        assertThat(client.execute(BUILD)).isNotNull();
        assertThat(sent).containsExactly("dead /_ping", "fresh /_ping", "fresh /build");
    }

    @Test
    void otherFailuresAreNotRetriedAndKeepThePool() {
        pools.add(new Pool(false) {
            @Override
            public Response execute(Request request) {
                sent.add(request.path());
                throw new IllegalStateException("no such image");
            }
        });
        ReconnectingDockerHttpClient client = new ReconnectingDockerHttpClient(pools::removeFirst);

        assertThatThrownBy(() -> client.execute(INSPECT)).hasMessage("no such image");
        assertThat(sent).containsExactly("/images/x/json");
    }

    @Test
    void deadConnectionsAreToldFromOtherErrors() {
        assertThat(ReconnectingDockerHttpClient.deadConnection(new RuntimeException(new IOException("Broken pipe"))))
                .isTrue();
        assertThat(ReconnectingDockerHttpClient.deadConnection(
                        new RuntimeException(new java.net.SocketException("Connection reset by peer"))))
                .isTrue();
        assertThat(ReconnectingDockerHttpClient.deadConnection(
                        new RuntimeException(new org.apache.hc.core5.http.NoHttpResponseException("failed"))))
                .isTrue();
        assertThat(ReconnectingDockerHttpClient.deadConnection(new RuntimeException(new IOException("No such file"))))
                .isFalse();
    }
}
