package dev.dropdeploy.runtime;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How app containers run.
 *
 * @param memory default hard memory limit (swap is never added on top)
 * @param cpus default CPU share, for example 1.0 = one core
 * @param pids default maximum processes and threads
 * @param stopGrace how long an app gets between SIGTERM and SIGKILL
 * @param restartPolicy applied once the app has answered its first health probe: {@code unless-stopped} brings apps
 *     back after a daemon or host restart without DropDeploy running, and Docker backs crash loops off (up to one
 *     restart a minute). Until then the policy is {@code no}, so a crash on boot is a clear failed deployment instead
 *     of a restart loop that hides the exit code.
 * @param traefikContainer the Traefik container joined to every project network; empty means none
 * @param ociRuntime the OCI runtime for app containers, for example {@code runsc} (gVisor); empty means the engine's
 *     default
 * @param tmpSize size of the writable tmpfs at {@code /tmp} for read-only roots; it is counted against the memory limit
 * @param healthPollInterval pause between two health probes
 * @param instance which DropDeploy owns a container or network; the reaper and reconciliation only ever touch their
 *     own instance's, so a test run or a second installation on the same engine cannot remove another's apps
 * @param selfContainer DropDeploy's own container when it runs in one (production, docker-compose.yml); it joins
 *     every project network on a reserved address like Traefik, so its health probes reach the apps, which the egress
 *     firewall keeps from reaching it; empty when DropDeploy runs on the host
 * @param networkPool the IPv4 range project networks (and the build network) take their /27 subnets from; the egress
 *     firewall ({@code scripts/firewall.sh}, {@code DROPDEPLOY_NETWORK_POOL}) must be given the same range
 * @param backend what runs apps: {@code engine} (containers on this Docker engine, the default) or {@code swarm}
 *     (services of the Docker Swarm this engine manages, see {@link SwarmProperties}); one setting, read once at start-up
 */
@Validated
@ConfigurationProperties("dropdeploy.runtime")
public record RuntimeProperties(
        @DefaultValue("512MB") @NotNull DataSize memory,
        @DefaultValue("1.0") @DecimalMin("0.01") double cpus,
        @DefaultValue("256") @Min(16) long pids,
        @DefaultValue("10s") @NotNull Duration stopGrace,
        @DefaultValue("unless-stopped") @NotBlank String restartPolicy,
        @DefaultValue("dropdeploy-traefik") String traefikContainer,
        @DefaultValue("") String ociRuntime,
        @DefaultValue("64MB") @NotNull DataSize tmpSize,
        @DefaultValue("250ms") @NotNull Duration healthPollInterval,
        @DefaultValue("default") @NotBlank String instance,
        @DefaultValue("10.200.0.0/15") @NotBlank String networkPool,
        @DefaultValue("") String selfContainer,

        @DefaultValue("engine") @Pattern(regexp = "engine|swarm", message = "is engine or swarm")
        String backend) {

    ResourceLimits defaultLimits() {
        return new ResourceLimits(memory, cpus, pids);
    }
}
