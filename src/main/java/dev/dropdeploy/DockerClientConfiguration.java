package dev.dropdeploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one docker-java client. Modules never pass it around: {@code build} and {@code runtime} each wrap it behind
 * interfaces of their own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DockerClientConfiguration.DockerProperties.class)
class DockerClientConfiguration {

    /**
     * @param host the engine's address; the API version is negotiated by the engine (unversioned paths), so old
     *     (20.10) and new engines both work
     * @param responseTimeout generous: image builds stream for minutes over one response
     */
    @ConfigurationProperties("dropdeploy.docker")
    record DockerProperties(
            @DefaultValue("unix:///var/run/docker.sock") String host,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30m") Duration responseTimeout) {}

    @Bean(destroyMethod = "close")
    DockerClient dockerClient(DockerProperties properties) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(properties.host())
                .build();
        DockerHttpClient http = new ReconnectingDockerHttpClient(() -> new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(properties.connectTimeout())
                .responseTimeout(properties.responseTimeout())
                .maxConnections(50)
                .build());
        return DockerClientImpl.getInstance(config, http);
    }
}
