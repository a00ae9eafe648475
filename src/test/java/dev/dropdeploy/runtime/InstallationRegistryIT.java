package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.dropdeploy.support.CatalogImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The installation's registry on the real engine: pushes with its one account and refuses anyone else, keeps images
 * through a new container, and deletes and collects what DropDeploy removed. The swarm side (a worker pulling with the
 * credentials a service carries) is in {@code SwarmClusterIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallationRegistryIT {

    static final String SOURCE = CatalogImages.image("static").asCanonicalNameString();
    final DockerClient docker = DockerClientFactory.instance().client();
    final String slug = "reg-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    final String local = "dd-app/" + slug + ":v1";

    @TempDir
    static Path data;

    int port;
    String address;
    InstallationRegistry registry;
    RegistryContainer container;

    @BeforeAll
    void aRegistryOnAFreePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        address = "127.0.0.1:" + port;
        registry = registry(address);
        container = new RegistryContainer(docker, registryImage(), RuntimeTestData.INSTANCE);
        docker.tagImageCmd(SOURCE, "dd-app/" + slug, "v1").exec();
    }

    @AfterAll
    void removeTheRegistryAndItsImages() {
        quietly(() ->
                docker.removeContainerCmd(container.name()).withForce(true).exec());
        quietly(() -> docker.removeVolumeCmd(container.name()).exec());
        quietly(() -> docker.removeImageCmd(local).withNoPrune(true).exec());
    }

    @Test
    @Order(1)
    void aBuiltImageIsPushedAndNamedAsNodesPullIt() throws Exception {
        String remote = registry.publish(local);

        assertThat(remote).isEqualTo(address + "/dd-app/" + slug + ":v1");
        assertThat(get("/v2/dd-app/" + slug + "/tags/list", credentials().basicAuthorization())
                        .body())
                .contains("\"v1\"");
        assertThat(registry.pullAuth().getRegistryAddress()).isEqualTo(address);
        assertThat(registry.pullAuth().getPassword()).isEqualTo(credentials().password());
    }

    @Test
    @Order(2)
    void nobodyWithoutThePasswordReadsOrWritesTheRegistry() throws Exception {
        String wrong = new RegistryCredentials("dropdeploy", "not-the-password").basicAuthorization();

        assertThat(get("/v2/_catalog", null).statusCode()).isEqualTo(401);
        assertThat(get("/v2/_catalog", wrong).statusCode()).isEqualTo(401);
        assertThat(get("/v2/dd-app/" + slug + "/tags/list", wrong).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void theRegistryRunsHardenedWithItsStorageOnAVolume() {
        InspectContainerResponse inspected =
                docker.inspectContainerCmd(container.name()).exec();

        assertThat(inspected.getHostConfig().getReadonlyRootfs()).isTrue();
        assertThat(inspected.getHostConfig().getSecurityOpts()).contains("no-new-privileges");
        assertThat(List.of(inspected.getHostConfig().getCapDrop())).hasToString("[ALL]");
        assertThat(inspected.getConfig().getUser())
                .isNotBlank()
                .isNotEqualTo("root")
                .isNotEqualTo("0");
        assertThat(inspected.getMounts())
                .anySatisfy(m -> assertThat(m.getDestination().getPath()).isEqualTo("/var/lib/registry"));
        assertThat(String.join(" ", inspected.getConfig().getEnv()))
                .doesNotContain(credentials().password());
    }

    @Test
    @Order(4)
    void anImageDropDeployStillHasSurvivesGarbageCollectionAndANewContainer() throws Exception {
        assertThat(registry.collectGarbage()).isZero();

        docker.removeContainerCmd(container.name()).withForce(true).exec();
        registry.publish(local); // makes the container again, on the same volume

        assertThat(get("/v2/dd-app/" + slug + "/tags/list", credentials().basicAuthorization())
                        .body())
                .contains("\"v1\"");
    }

    @Test
    @Order(5)
    void anImageDropDeployRemovedIsDeletedFromTheRegistryAndItsLayersFreed() throws Exception {
        long before = storedBytes();
        docker.removeImageCmd(local).withNoPrune(true).exec();
        docker.removeImageCmd(address + "/dd-app/" + slug + ":v1")
                .withNoPrune(true)
                .exec();

        assertThat(registry.collectGarbage()).isEqualTo(1);

        assertThat(get("/v2/dd-app/" + slug + "/tags/list", credentials().basicAuthorization())
                        .body())
                .doesNotContain("\"v1\"");
        long after = storedBytes();
        System.out.printf("Registry storage before and after collection: %d KB, %d KB%n", before >> 10, after >> 10);
        assertThat(after).isLessThan(before / 2);
    }

    @Test
    @Order(6)
    void aRegistryImageThatIsMissingIsNamedWithWhatToDo() {
        InstallationRegistry broken = new InstallationRegistry(
                docker, swarm("127.0.0.1:" + (port + 1), "dropdeploy/no-such-registry:0"), instance("broken"), null);

        assertThatThrownBy(() -> broken.publish(local))
                .isInstanceOf(RuntimeFailure.class)
                .hasMessageContaining("scripts/images.sh ensure registry");
    }

    private long storedBytes() {
        String exec = docker.execCreateCmd(container.name())
                .withCmd("du", "-sk", "/var/lib/registry")
                .withAttachStdout(true)
                .exec()
                .getId();
        StringBuilder out = new StringBuilder();
        try {
            docker.execStartCmd(exec)
                    .exec(
                            new com.github.dockerjava.api.async.ResultCallback.Adapter<
                                    com.github.dockerjava.api.model.Frame>() {
                                @Override
                                public void onNext(com.github.dockerjava.api.model.Frame frame) {
                                    out.append(new String(frame.getPayload()));
                                }
                            })
                    .awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return Long.parseLong(out.toString().strip().split("\\s+")[0]) * 1024;
    }

    private RegistryCredentials credentials() {
        return RegistryCredentials.readOrCreate(data.resolve("registry.password"));
    }

    private InstallationRegistry registry(String registryAddress) {
        return new InstallationRegistry(
                docker, swarm(registryAddress, registryImage()), RuntimeTestData.properties(), null);
    }

    private SwarmProperties swarm(String registryAddress, String image) {
        return new SwarmProperties(
                "relay",
                true,
                false,
                List.of(),
                5,
                registryAddress,
                image,
                data.resolve("registry.password"),
                Duration.ofHours(1));
    }

    private static RuntimeProperties instance(String name) {
        RuntimeProperties base = RuntimeTestData.properties();
        return new RuntimeProperties(
                base.memory(),
                base.cpus(),
                base.pids(),
                base.stopGrace(),
                base.restartPolicy(),
                base.traefikContainer(),
                base.ociRuntime(),
                base.tmpSize(),
                base.healthPollInterval(),
                base.instance() + "-" + name,
                base.networkPool(),
                base.selfContainer(),
                base.backend());
    }

    private static String registryImage() {
        return CatalogImages.image("registry").asCanonicalNameString();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + address + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (NotFoundException e) {
            // gone already
        }
    }
}
