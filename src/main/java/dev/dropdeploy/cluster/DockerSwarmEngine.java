package dev.dropdeploy.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The engine's swarm API through the one docker-java client. */
@Component
class DockerSwarmEngine implements SwarmEngine {

    private final DockerClient docker;

    DockerSwarmEngine(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public EngineState state() {
        return SwarmReadings.state(docker.infoCmd().exec());
    }

    @Override
    public List<NodeReading> nodes() {
        return docker.listSwarmNodesCmd().exec().stream()
                .map(SwarmReadings::node)
                .toList();
    }

    @Override
    public List<ServiceReading> services(Map<String, String> labels) {
        return docker.listServicesCmd().withLabelFilter(labels).exec().stream()
                .map(SwarmReadings::service)
                .toList();
    }

    @Override
    public List<TaskReading> tasks(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        return docker.listTasksCmd().withServiceFilter(serviceIds.toArray(String[]::new)).exec().stream()
                .map(SwarmReadings::task)
                .toList();
    }

    /** The engine wants the whole spec and the version it was read at, so a concurrent change is refused, not lost. */
    @Override
    public void setAvailability(String nodeId, String availability) {
        try {
            // The id filter matches prefixes; only the exact node is changed.
            SwarmNode node = docker.listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec().stream()
                    .filter(n -> nodeId.equals(n.getId()))
                    .findFirst()
                    .orElseThrow(() -> new Refused("Node " + nodeId + " is no longer in the swarm", null));
            docker.updateSwarmNodeCmd()
                    .withSwarmNodeId(nodeId)
                    .withVersion(node.getVersion().getIndex())
                    .withSwarmNodeSpec(node.getSpec()
                            .withAvailability(SwarmNodeAvailability.valueOf(availability.toUpperCase(Locale.ROOT))))
                    .exec();
        } catch (DockerException e) {
            throw new Refused("The engine refused to change node " + nodeId + ": " + e.getMessage(), e);
        }
    }
}
