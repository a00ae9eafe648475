package dev.dropdeploy.cluster;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the cluster is watched. Which services are DropDeploy's is the runtime's instance label
 * ({@code dropdeploy.runtime.instance}), not a setting of this module.
 *
 * @param pollEvery time between two looks at the nodes; a node that went down is reported within it (Swarm itself
 *     notices after its heartbeat period, 5 s by default, and starts rescheduling then, whatever this says)
 */
@Validated
@ConfigurationProperties("dropdeploy.cluster")
record ClusterProperties(@DefaultValue("30s") @NotNull Duration pollEvery) {}
