package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.dropdeploy.support.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnreachableEngineTest {

    @Test
    void a_missing_engine_is_reported_in_plain_words() throws Exception {
        String host = "unix:///tmp/no-docker-here.sock";
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .build();
        try (DockerClient docker = DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .connectionTimeout(Duration.ofSeconds(1))
                        .build())) {
            AppContainers containers =
                    new DockerAppContainers(docker, RuntimeTestData.properties(), Settings.outputLimits(), host);

            assertThatThrownBy(containers::managed)
                    .isInstanceOf(RuntimeFailure.class)
                    .hasMessage("The Docker engine is not reachable at " + host + ": is it running?");
        }
    }
}
