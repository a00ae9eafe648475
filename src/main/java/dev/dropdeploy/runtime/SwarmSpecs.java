package dev.dropdeploy.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.Driver;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.VolumeOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Swarm service an app version runs as: {@link Hardening}'s rules expressed through a service spec, as pure
 * functions so they are unit-tested without an engine.
 *
 * <p>What engine 20.10 (API 1.41) cannot express in a service: {@code no-new-privileges} (service specs gained it in
 * API 1.46; set {@code "no-new-privileges": true} in each node's daemon.json instead, which {@code ./dropdeploy node
 * add} prints) and tmpfs mount options ({@code /tmp} is {@code noexec} on a read-only root, which the engine backend
 * avoids). Capabilities, sysctls, the pids limit and init are on API 1.41 but not in docker-java's model, hence the two
 * subclasses below.
 */
final class SwarmSpecs {

    /** Swarm keeps restarting a crashed task after this pause; a crash before the first answer fails the deploy. */
    static final long RESTART_DELAY_NANOS = 5_000_000_000L;

    private SwarmSpecs() {}

    /*
     * Endpoint mode DNS round robin, not the default virtual IP: the service's name resolves to the addresses of the
     * tasks running now, so Traefik and the probe relay (which resolve on every new connection and try the next address
     * when one refuses) follow a rescheduled task at once. The virtual IP needs IPVS in every node's kernel, and
     * kernels without it (this project's test machines) time out on it, while DNS round robin works on any kernel.
     */

    static com.github.dockerjava.api.model.ServiceSpec service(
            ContainerSpec spec,
            String name,
            String user,
            ResourceLimits limits,
            RuntimeProperties runtime,
            SwarmProperties swarm,
            int replicas,
            String dataNode) {
        Map<String, String> labels = new HashMap<>(ContainerLabels.forContainer(spec, runtime.instance()));
        labels.put(REPLICAS, Integer.toString(replicas));
        return new com.github.dockerjava.api.model.ServiceSpec()
                .withName(name)
                .withLabels(labels)
                .withMode(new ServiceModeConfig()
                        .withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas)))
                .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR))
                .withTaskTemplate(new TaskSpec()
                        .withContainerSpec(container(spec, user, runtime))
                        .withResources(new ResourceRequirements().withLimits(limits(limits)))
                        .withRestartPolicy(restartPolicy())
                        .withPlacement(placement(swarm, dataNode))
                        .withLogDriver(new Driver()
                                .withName("json-file")
                                .withOptions(Map.of("max-size", "10m", "max-file", "3")))
                        .withNetworks(List.of(new NetworkAttachmentConfig()
                                .withTarget(ContainerNames.network(spec.projectSlug()))
                                .withAliases(List.of(name)))));
    }

    /** The replicas a service was made with: {@code startAgain} scales back to it. */
    static final String REPLICAS = ContainerLabels.NAMESPACE + "replicas";

    static HardenedContainerSpec container(ContainerSpec spec, String user, RuntimeProperties runtime) {
        List<Mount> mounts = new ArrayList<>();
        if (spec.readOnlyRootFilesystem()) {
            mounts.add(new Mount()
                    .withType(MountType.TMPFS)
                    .withTarget("/tmp")
                    .withTmpfsOptions(new TmpfsOptions()
                            .withSizeBytes(runtime.tmpSize().toBytes())
                            .withMode(01777)));
        }
        if (spec.dataFolder() != null) {
            mounts.add(new Mount()
                    .withType(MountType.VOLUME)
                    .withSource(DataFolders.volume(runtime.instance(), spec.projectSlug()))
                    .withTarget(DataFolder.MOUNT)
                    .withVolumeOptions(new VolumeOptions().withNoCopy(true)));
        }
        HardenedContainerSpec container = new HardenedContainerSpec();
        container
                .withImage(spec.image())
                .withUser(user)
                .withEnv(Hardening.env(spec, user))
                .withLabels(ContainerLabels.forContainer(spec, runtime.instance()))
                .withReadOnly(spec.readOnlyRootFilesystem())
                .withInit(true)
                .withStopGracePeriod(runtime.stopGrace().toNanos())
                .withMounts(mounts);
        return container;
    }

    static PidsLimitedResources limits(ResourceLimits limits) {
        PidsLimitedResources resources = new PidsLimitedResources(limits.pids());
        resources.withMemoryBytes(limits.memory().toBytes()).withNanoCPUs(Math.round(limits.cpus() * 1_000_000_000L));
        return resources;
    }

    /**
     * Always restart, like {@code unless-stopped}: changing the policy after the first answer (as the engine backend
     * does) would be a service update, and Swarm replaces every task on one. A crash before the first answer is still a
     * failed deployment: {@code awaitHealthy} fails on the first task that ends.
     */
    static ServiceRestartPolicy restartPolicy() {
        return new ServiceRestartPolicy()
                .withCondition(ServiceRestartCondition.ANY)
                .withDelay(RESTART_DELAY_NANOS)
                .withMaxAttempts(0L);
    }

    /**
     * Replicas spread over nodes (one per node before a second on any), workers only when asked. An app with a data
     * folder runs on the node that holds the folder's volume: a local volume is one node's disk.
     */
    static SpreadPlacement placement(SwarmProperties swarm, String dataNode) {
        List<String> constraints = new ArrayList<>(swarm.constraints());
        if (swarm.workersOnly()) {
            constraints.add("node.role==worker");
        }
        if (dataNode != null) {
            constraints.add("node.id==" + dataNode);
        }
        SpreadPlacement placement = new SpreadPlacement();
        placement.withConstraints(constraints);
        return placement;
    }

    /** docker-java's model lacks the capability and sysctl fields API 1.41 has. */
    static final class HardenedContainerSpec extends com.github.dockerjava.api.model.ContainerSpec {

        @JsonProperty("CapabilityDrop")
        private final List<String> capabilityDrop = List.of("ALL");

        /** Lets a non-root app bind port 80 or 443 without any capability, as on the engine backend. */
        @JsonProperty("Sysctls")
        private final Map<String, String> sysctls = Map.of("net.ipv4.ip_unprivileged_port_start", "0");

        List<String> capabilityDrop() {
            return capabilityDrop;
        }

        Map<String, String> sysctls() {
            return sysctls;
        }
    }

    /** docker-java's model lacks the pids limit API 1.41 has. */
    static final class PidsLimitedResources extends ResourceSpecs {

        @JsonProperty("Pids")
        private final long pids;

        PidsLimitedResources(long pids) {
            this.pids = pids;
        }

        long pids() {
            return pids;
        }
    }

    /** docker-java's model lacks placement preferences. */
    static final class SpreadPlacement extends ServicePlacement {

        @JsonProperty("Preferences")
        private final List<Map<String, Map<String, String>>> preferences =
                List.of(Map.of("Spread", Map.of("SpreadDescriptor", "node.id")));

        List<Map<String, Map<String, String>>> preferences() {
            return preferences;
        }
    }
}
