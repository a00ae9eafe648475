package dev.dropdeploy.deploy;

import com.github.dockerjava.api.DockerClient;
import dev.dropdeploy.support.CatalogImages;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/** A container that claims to be DropDeploy's but that no deployment owns, as a crash could leave behind. */
final class OrphanContainer {

    private OrphanContainer() {}

    static String start(String instance) {
        DockerClient docker = DockerClientFactory.instance().client();
        String id = docker.createContainerCmd(CatalogImages.image("static").asCanonicalNameString())
                .withCmd("sleep", "600")
                .withLabels(Map.of(
                        "dropdeploy.managed", "true",
                        "dropdeploy.instance", instance,
                        "dropdeploy.project", "orphan",
                        "dropdeploy.version", "1",
                        "dropdeploy.deployment", "00000000-0000-0000-0000-000000000000"))
                .exec()
                .getId();
        docker.startContainerCmd(id).exec();
        return id;
    }
}
