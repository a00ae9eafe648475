package dev.dropdeploy;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rides out a restart of the Docker engine. docker-java's Apache transport pools its socket connections and never
 * checks an idle one before reuse, so after the engine restarts every pooled connection is dead and each request
 * that takes one fails with "Broken pipe" until the pool happens to be drained: a deployment right after the restart
 * failed that way. When a request dies on a dead connection, the whole pool is replaced and a request that can be
 * sent again is sent once more on a fresh connection. A request with a streamed body (a build context, an archive)
 * cannot be sent twice, so the pool is first checked with a ping, which replaces it when it is dead.
 */
final class ReconnectingDockerHttpClient implements DockerHttpClient {

    private static final Logger log = LoggerFactory.getLogger(ReconnectingDockerHttpClient.class);
    private static final Request PING =
            Request.builder().method(Request.Method.GET).path("/_ping").build();

    private final Supplier<DockerHttpClient> connect;
    private volatile DockerHttpClient current;

    ReconnectingDockerHttpClient(Supplier<DockerHttpClient> connect) {
        this.connect = connect;
        this.current = connect.get();
    }

    @Override
    public Response execute(Request request) {
        boolean repeatable = request.body() == null && request.hijackedInput() == null;
        if (!repeatable) {
            execute(PING).close();
        }
        DockerHttpClient used = current;
        try {
            return used.execute(request);
        } catch (RuntimeException e) {
            if (!deadConnection(e)) {
                throw e;
            }
            replace(used, e);
            if (!repeatable) {
                throw e;
            }
            return current.execute(request);
        }
    }

    /**
     * The old pool is dropped, not closed: closing it would also cut the log and event streams still reading from
     * it, which end by themselves when their connections are dead.
     */
    private synchronized void replace(DockerHttpClient dead, RuntimeException why) {
        if (current == dead) {
            log.warn("The Docker engine's connections are dead (restarted engine?): reconnecting ({})", why.toString());
            current = connect.get();
        }
    }

    static boolean deadConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoHttpResponseException || t instanceof ConnectionClosedException) {
                return true;
            }
            if (t instanceof SocketException || t instanceof IOException || t instanceof UncheckedIOException) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("broken pipe") || message.contains("connection reset")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
