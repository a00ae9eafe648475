package dev.dropdeploy.runtime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How apps run when {@code dropdeploy.runtime.backend} is {@code swarm}.
 *
 * @param relayImage the image of the probe relay: DropDeploy runs on the host, which has no address on any overlay
 *     network, so its health and visitor probes go through one small container joined to every project network
 * @param encryptNetworks ask for IPsec between nodes on project networks; an engine that refuses gets a plain overlay
 *     and a warning in the log
 * @param workersOnly place apps on worker nodes only
 * @param constraints further placement constraints for every app, in Swarm's syntax ({@code node.labels.apps==true})
 * @param maxReplicas the most replicas a project may run: the one bound the API, the CLI and the project page check
 * @param registry {@code host:port} where every node pulls the apps' images from the installation's own registry, which
 *     DropDeploy runs on this engine ({@link InstallationRegistry}); blank: this node's swarm address, port 5000;
 *     {@code off}: no registry, images stay on this engine and apps run only where their image is
 * @param registryImage the registry's image (the catalog's {@code registry})
 * @param registryPasswordFile where the password DropDeploy pushes with (and nodes pull with) is kept, owner-only
 * @param registryCollectEvery how often images DropDeploy has removed are deleted from the registry and its storage
 *     collected
 */
@Validated
@ConfigurationProperties("dropdeploy.runtime.swarm")
public record SwarmProperties(
        @DefaultValue("dropdeploy/python:3.13") @NotBlank String relayImage,
        @DefaultValue("true") boolean encryptNetworks,
        @DefaultValue("false") boolean workersOnly,
        @DefaultValue List<String> constraints,
        @DefaultValue("5") @Min(1) @Max(100) int maxReplicas,
        @DefaultValue("") String registry,

        @DefaultValue("dropdeploy/registry:v3.1.2") @NotBlank
        String registryImage,

        @NotNull Path registryPasswordFile,
        @DefaultValue("1h") Duration registryCollectEvery) {

    /** The {@link #registry} value that turns the installation's registry off. */
    public static final String NO_REGISTRY = "off";

    public SwarmProperties {
        registry = registry == null ? "" : registry.strip();
        constraints = constraints == null
                ? List.of()
                : constraints.stream()
                        .filter(c -> !c.isBlank())
                        .map(String::strip)
                        .toList();
    }
}
