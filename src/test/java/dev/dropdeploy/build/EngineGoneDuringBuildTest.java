package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.dropdeploy.support.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The engine dies in the middle of a build (a daemon restart, an OOM kill of dockerd): the build must end with a
 * clear failure that keeps what was printed, not hang and not pretend to have an image. A stand-in engine speaks
 * just enough of the API to start streaming a build and then drops the connection.
 */
class EngineGoneDuringBuildTest {

    private final ServerSocket engine = new ServerSocket(0);
    private final List<String> output = new CopyOnWriteArrayList<>();
    private volatile String requestHead = "";

    EngineGoneDuringBuildTest() throws IOException {}

    @AfterEach
    void close() throws IOException {
        engine.close();
    }

    @Test
    void aBuildWhoseEngineGoesAwayFailsWithWhatItHadPrinted() {
        Thread.ofVirtual().start(this::startStreamingThenDie);
        BuildLimits limits =
                new BuildLimits(1, Duration.ofSeconds(20), DataSize.ofMegabytes(256), 512, DataSize.ofMegabytes(5), 1);
        DockerImageEngine images = new DockerImageEngine(client(), limits, Settings.outputLimits());

        assertThatThrownBy(() -> build(images, "dd-app/gone:v1", limits))
                .isInstanceOfSatisfying(BuildFailure.class, failure -> {
                    assertThat(failure.failedStep()).isEqualTo("RUN npm ci");
                    assertThat(failure.stepFailed())
                            .as("the step was cut off, it did not fail: an own Dockerfile must not give way")
                            .isFalse();
                    assertThat(failure.lastLines()).contains("added 3 packages");
                    assertThat(failure.getMessage())
                            .contains("stopped answering")
                            .contains("deploy again");
                });
        assertThat(output).containsExactly("Step 1/2 : RUN npm ci", "added 3 packages");
    }

    /**
     * docker-java attaches the host's registry credentials to every build unless told otherwise; a tenant's build
     * could then pull (or exfiltrate through a private base image) with the operator's account.
     */
    @Test
    void aBuildNeverCarriesTheHostsRegistryCredentials() {
        Thread.ofVirtual().start(this::startStreamingThenDie);
        BuildLimits limits =
                new BuildLimits(1, Duration.ofSeconds(10), DataSize.ofMegabytes(256), 512, DataSize.ofMegabytes(1), 1);
        DockerClientConfig withCredentials = new HostWithRegistryCredentials(config().build());
        assertThat(withCredentials.getAuthConfigurations().getConfigs())
                .as("the host has credentials")
                .isNotEmpty();
        DockerImageEngine images = new DockerImageEngine(client(withCredentials), limits, Settings.outputLimits());

        assertThatThrownBy(() -> build(images, "dd-app/creds:v1", limits)).isInstanceOf(BuildFailure.class);
        assertThat(requestHead).startsWith("POST").doesNotContainIgnoringCase("X-Registry-Config");
    }

    private DefaultDockerClientConfig.Builder config() {
        return DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("tcp://127.0.0.1:" + engine.getLocalPort())
                .withDockerTlsVerify(false);
    }

    private DockerClient client() {
        return client(config().build());
    }

    /** The engine's configuration as on a host whose ~/.docker/config.json holds a registry login. */
    private record HostWithRegistryCredentials(DockerClientConfig engine) implements DockerClientConfig {

        @Override
        public java.net.URI getDockerHost() {
            return engine.getDockerHost();
        }

        @Override
        public com.github.dockerjava.core.RemoteApiVersion getApiVersion() {
            return engine.getApiVersion();
        }

        @Override
        public String getRegistryUsername() {
            return engine.getRegistryUsername();
        }

        @Override
        public String getRegistryPassword() {
            return engine.getRegistryPassword();
        }

        @Override
        public String getRegistryEmail() {
            return engine.getRegistryEmail();
        }

        @Override
        public String getRegistryUrl() {
            return engine.getRegistryUrl();
        }

        @Override
        public AuthConfig effectiveAuthConfig(String imageName) {
            return engine.effectiveAuthConfig(imageName);
        }

        @Override
        public AuthConfigurations getAuthConfigurations() {
            AuthConfigurations configurations = new AuthConfigurations();
            configurations.addConfig(new AuthConfig()
                    .withRegistryAddress("https://index.docker.io/v1/")
                    .withUsername("operator")
                    .withPassword("operator-secret"));
            return configurations;
        }

        @Override
        public com.github.dockerjava.core.SSLConfig getSSLConfig() {
            return engine.getSSLConfig();
        }
    }

    private DockerClient client(DockerClientConfig config) {
        return DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .responseTimeout(Duration.ofSeconds(10))
                        .build());
    }

    /**
     * A tenant's step prints what the engine prints on success, then the build fails: the engine's error decides
     * (docker-java checks it before the id it read from the output), never the printed id.
     */
    @Test
    void aBuildWhoseOutputForgesSuccessBeforeFailingStillFails() {
        Thread.ofVirtual().start(this::forgeSuccessThenFail);
        BuildLimits limits =
                new BuildLimits(1, Duration.ofSeconds(20), DataSize.ofMegabytes(256), 512, DataSize.ofMegabytes(5), 1);
        DockerImageEngine images = new DockerImageEngine(client(), limits, Settings.outputLimits());

        assertThatThrownBy(() -> build(images, "dd-app/forged:v1", limits))
                .isInstanceOfSatisfying(BuildFailure.class, failure -> {
                    assertThat(failure.getMessage()).contains("returned a non-zero code: 1");
                    assertThat(failure.stepFailed()).isTrue();
                });
    }

    @Test
    void aBuildStreamThatEndsWithoutAnImageOrAnErrorIsAStoppedBuildNotAFailedStep() {
        Thread.ofVirtual().start(() -> answer("{\"stream\":\"Step 1/2 : RUN npm ci\\n\"}\r\n"));
        BuildLimits limits =
                new BuildLimits(1, Duration.ofSeconds(20), DataSize.ofMegabytes(256), 512, DataSize.ofMegabytes(5), 1);
        DockerImageEngine images = new DockerImageEngine(client(), limits, Settings.outputLimits());

        assertThatThrownBy(() -> build(images, "dd-app/ended:v1", limits))
                .isInstanceOfSatisfying(
                        BuildStopped.class,
                        stopped -> assertThat(stopped.getMessage()).contains("without an image or an error"));
    }

    private void forgeSuccessThenFail() {
        answer(
                "{\"stream\":\"Step 1/1 : RUN echo Successfully built 0123456789ab; false\\n\"}\r\n",
                "{\"stream\":\"Successfully built 0123456789ab\\n\"}\r\n",
                "{\"errorDetail\":{\"code\":1,\"message\":\"The command '/bin/sh -c echo' returned a"
                        + " non-zero code: 1\"},\"error\":\"The command '/bin/sh -c echo' returned a non-zero code: 1\"}\r\n");
    }

    /** Answers the build request with these JSON lines and a complete end of the stream. */
    private void answer(String... items) {
        try (Socket socket = engine.accept()) {
            socket.getInputStream().read(new byte[8192]);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (String item : items) {
                chunk(out, item);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        } catch (IOException | InterruptedException e) {
            // the client closing is the end of this stand-in
        }
    }

    /** Answers the build request with two chunks of output, then closes mid-stream without the final chunk. */
    private void startStreamingThenDie() {
        try (Socket socket = engine.accept()) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read = in.read(buffer); // the request head and the start of the context
            requestHead = new String(buffer, 0, Math.max(read, 0), StandardCharsets.ISO_8859_1);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(out, "{\"stream\":\"Step 1/2 : RUN npm ci\\n\"}\r\n");
            chunk(out, "{\"stream\":\"added 3 packages\\n\"}\r\n");
            out.flush();
            Thread.sleep(200);
        } catch (IOException | InterruptedException e) {
            // the socket closing is the point of this stand-in
        }
    }

    private static void chunk(OutputStream out, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private String build(DockerImageEngine images, String tag, BuildLimits limits) {
        return images.build(
                new ByteArrayInputStream(new byte[1024]), tag, Map.of(), null, limits.timeout(), output::add);
    }
}
