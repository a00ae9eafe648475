package dev.dropdeploy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.dropdeploy.deploy.DeploymentState;
import dev.dropdeploy.deploy.DeploymentStepReached;
import dev.dropdeploy.deploy.Deployments;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveAppsTest {

    private final LiveApps live = new LiveApps(mock(Deployments.class));
    private final UUID project = UUID.randomUUID();
    private final UUID v1 = UUID.randomUUID();
    private final UUID v2 = UUID.randomUUID();

    @Test
    void theNewestLiveDeploymentIsTheOneMeasured() {
        live.on(new DeploymentStepReached(v1, project, 1, DeploymentState.LIVE));
        live.on(new DeploymentStepReached(v2, project, 2, DeploymentState.LIVE));
        live.on(new DeploymentStepReached(v1, project, 1, DeploymentState.SUPERSEDED));

        assertThat(live.now()).containsEntry(project, v2).hasSize(1);
    }

    @Test
    void aFailedDeploymentDoesNotTakeTheLiveOneOut() {
        live.on(new DeploymentStepReached(v1, project, 1, DeploymentState.LIVE));
        live.on(new DeploymentStepReached(v2, project, 2, DeploymentState.BUILDING));
        live.on(new DeploymentStepReached(v2, project, 2, DeploymentState.FAILED));

        assertThat(live.now()).containsEntry(project, v1);
    }

    @Test
    void aStoppedAppIsNoLongerMeasured() {
        live.on(new DeploymentStepReached(v1, project, 1, DeploymentState.LIVE));
        live.on(new DeploymentStepReached(v1, project, 1, DeploymentState.STOPPED));

        assertThat(live.now()).isEmpty();
    }
}
