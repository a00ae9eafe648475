package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.dropdeploy.runtime.RegistryContainer.Address;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The installation's own image registry on the Swarm backend: images are built on this engine, and every other node
 * pulls them from here. {@link #publish} pushes a built image and names it as nodes reach it; garbage collection deletes
 * what DropDeploy has removed from this engine (retention, deleted projects) and frees its layers.
 *
 * <p>The engine pushes through the registry's loopback port, which Docker trusts without TLS; every other node pulls
 * from {@link SwarmProperties#registry()}, which it must trust ({@code ./dropdeploy node add} prints how). This engine
 * keeps a local tag of that name too, so its own tasks start even where it does not trust the address itself (Swarm
 * starts a task from a local image when the pull fails). Pushes and collections never overlap: a collection during an
 * upload would delete the upload's layers.
 */
@Component
@ConditionalOnProperty(name = "dropdeploy.runtime.backend", havingValue = "swarm")
class InstallationRegistry {

    private static final Logger log = LoggerFactory.getLogger(InstallationRegistry.class);
    private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(15);

    private final DockerClient docker;
    private final SwarmProperties swarm;
    private final RegistryContainer container;
    private final TaskScheduler scheduler;
    private RegistryCredentials credentials;

    InstallationRegistry(
            DockerClient docker, SwarmProperties swarm, RuntimeProperties runtime, TaskScheduler scheduler) {
        this.docker = docker;
        this.swarm = swarm;
        this.scheduler = scheduler;
        this.container = new RegistryContainer(docker, swarm.registryImage(), runtime.instance());
    }

    boolean enabled() {
        return !SwarmProperties.NO_REGISTRY.equalsIgnoreCase(swarm.registry());
    }

    /** Pushes a local image and returns the name every node pulls it by; without a registry, the image as it is. */
    synchronized String publish(String localImage) {
        if (!enabled()) {
            return localImage;
        }
        Address address = running();
        ImageReference image = ImageReference.parse(localImage);
        ImageReference loopback = image.in(address.loopback());
        ImageReference remote = image.in(address.nodes());
        tag(localImage, loopback);
        try {
            push(loopback, credentials.auth(address.loopback()));
        } finally {
            if (!loopback.equals(remote)) {
                untag(loopback);
            }
        }
        tag(localImage, remote);
        log.info("Pushed {} to the installation's registry as {}", localImage, remote);
        return remote.toString();
    }

    /** What nodes pull with; {@code null} without a registry. */
    synchronized AuthConfig pullAuth() {
        // Only the address: publish has just started the registry and waited for it, no need to probe it again.
        return enabled()
                ? credentials().auth(container.address(swarm.registry()).nodes())
                : null;
    }

    /**
     * Deletes every image the registry holds that this engine no longer has under either of its names, then frees the
     * layers no remaining image uses. Returns how many images were deleted.
     */
    synchronized int collectGarbage() {
        if (!enabled() || !container.isRunning()) {
            return 0;
        }
        Address address = container.address(swarm.registry());
        RegistryApi api = new RegistryApi(address.nodes(), credentials());
        int deleted = 0;
        for (String repository : api.repositories()) {
            try {
                deleted += deleteRemoved(api, address, repository);
            } catch (RuntimeFailure e) { // one repository's trouble must not keep the others' garbage forever
                log.warn("Registry: could not collect {}: {}", repository, e.getMessage());
            }
        }
        if (deleted > 0) {
            container.collectLayers();
            log.info("Registry: deleted {} image(s) DropDeploy removed, and collected their layers", deleted);
        }
        return deleted;
    }

    private int deleteRemoved(RegistryApi api, Address address, String repository) {
        int deleted = 0;
        for (String tag : api.tags(repository)) {
            ImageReference image = new ImageReference(repository, tag);
            if (!exists(image.in(address.nodes())) && !exists(image)) {
                var digest = api.digest(repository, tag);
                if (digest.isPresent()) {
                    api.delete(repository, digest.get());
                    deleted++;
                }
            }
        }
        return deleted;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startCollecting() {
        if (enabled()) {
            Duration every = swarm.registryCollectEvery();
            scheduler.scheduleWithFixedDelay(
                    this::collectQuietly, java.time.Instant.now().plus(every), every);
        }
    }

    private void collectQuietly() {
        try {
            collectGarbage();
        } catch (RuntimeException e) {
            log.warn("Registry garbage collection failed: {}", e.getMessage());
        }
    }

    private Address running() {
        return container.ensureRunning(swarm.registry(), credentials());
    }

    private RegistryCredentials credentials() {
        if (credentials == null) {
            credentials = RegistryCredentials.readOrCreate(swarm.registryPasswordFile());
        }
        return credentials;
    }

    private void tag(String source, ImageReference target) {
        docker.tagImageCmd(source, target.repository(), target.tag())
                .withForce()
                .exec();
    }

    private void untag(ImageReference image) {
        try {
            docker.removeImageCmd(image.toString()).withNoPrune(true).exec();
        } catch (NotFoundException e) {
            log.debug("{} was untagged already", image);
        }
    }

    private boolean exists(ImageReference image) {
        try {
            docker.inspectImageCmd(image.toString()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void push(ImageReference image, AuthConfig auth) {
        PushErrors errors = new PushErrors();
        try {
            boolean done = docker.pushImageCmd(image.repository())
                    .withTag(image.tag())
                    .withAuthConfig(auth)
                    .exec(errors)
                    .awaitCompletion(PUSH_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            if (!done) {
                errors.error = "it did not finish within " + PUSH_TIMEOUT.toMinutes() + " minutes";
                closeQuietly(errors); // the engine stops a push whose stream is closed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("Interrupted while pushing " + image, e);
        } catch (RuntimeException e) { // the engine's or the connection's error, rethrown by awaitCompletion
            errors.error = e.getMessage();
        }
        if (errors.error != null) {
            throw new RuntimeFailure("Pushing " + image + " to the installation's registry failed: " + errors.error);
        }
    }

    private static void closeQuietly(PushErrors stream) {
        try {
            stream.close();
        } catch (java.io.IOException e) {
            log.debug("Closing a timed-out push: {}", e.getMessage());
        }
    }

    /** The engine reports a failed push as an item of the stream, not as an error of the call. */
    private static final class PushErrors extends ResultCallback.Adapter<PushResponseItem> {
        private volatile String error;

        @Override
        public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
            }
        }
    }
}
