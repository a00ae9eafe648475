package dev.dropdeploy.runtime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
 */
@Validated
@ConfigurationProperties("dropdeploy.runtime.swarm")
public record SwarmProperties(
        @DefaultValue("dropdeploy/python:3.13") @NotBlank String relayImage,
        @DefaultValue("true") boolean encryptNetworks,
        @DefaultValue("false") boolean workersOnly,
        @DefaultValue List<String> constraints,
        @DefaultValue("5") @Min(1) @Max(100) int maxReplicas) {

    public SwarmProperties {
        constraints = constraints == null
                ? List.of()
                : constraints.stream()
                        .filter(c -> !c.isBlank())
                        .map(String::strip)
                        .toList();
    }
}
