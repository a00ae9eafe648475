package dev.dropdeploy.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.util.function.Supplier;

/** Resolves catalog names against what the local Docker engine holds: the production pin, else the offline tag. */
final class EngineBaseImages implements BaseImages {

    private final ImageCatalog catalog;
    private final Supplier<DockerClient> docker;

    EngineBaseImages(ImageCatalog catalog, Supplier<DockerClient> docker) {
        this.catalog = catalog;
        this.docker = docker;
    }

    @Override
    public String resolve(String catalogName) {
        DockerClient client = docker.get();
        return catalog.resolve(catalogName, reference -> present(client, reference));
    }

    private static boolean present(DockerClient client, String reference) {
        try {
            client.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Connects on first use, so DropDeploy starts even before the engine is up. */
    static Supplier<DockerClient> lazyClient() {
        return new Supplier<>() {
            private DockerClient client;

            @Override
            public synchronized DockerClient get() {
                if (client == null) {
                    var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                            .build();
                    var http = new ApacheDockerHttpClient.Builder()
                            .dockerHost(config.getDockerHost())
                            .sslConfig(config.getSSLConfig())
                            .build();
                    client = DockerClientImpl.getInstance(config, http);
                }
                return client;
            }
        };
    }
}
