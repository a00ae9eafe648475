package dev.dropdeploy.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.dropdeploy.build.ImageCatalog;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** Images for tests, resolved through the same catalog as production; the scripts built or pulled them. */
public final class CatalogImages {

    private static final ImageCatalog CATALOG = ImageCatalog.load(Path.of("images/catalog.tsv"));

    private CatalogImages() {}

    public static DockerImageName image(String name) {
        DockerClient docker = DockerClientFactory.instance().client();
        return DockerImageName.parse(CATALOG.resolve(name, ref -> present(docker, ref)));
    }

    private static boolean present(DockerClient docker, String reference) {
        try {
            docker.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
