package dev.dropdeploy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeploymentEndsTest {

    private final DeploymentEnds ends = new DeploymentEnds();
    private final UUID id = UUID.randomUUID();

    @Test
    void everyWaiterLearnsTheEndEvenWhenAnotherStoppedWaitingFirst() {
        CompletableFuture<DeploymentState> firstTab = ends.of(id);
        CompletableFuture<DeploymentState> secondTab = ends.of(id);
        ends.forget(id, firstTab);

        ends.on(new DeploymentStepReached(id, UUID.randomUUID(), 1, DeploymentState.LIVE));

        assertThat(secondTab).isCompletedWithValue(DeploymentState.LIVE);
        assertThat(firstTab).isNotDone();
    }

    @Test
    void aStepThatIsNotFinalEndsNothing() {
        CompletableFuture<DeploymentState> waiter = ends.of(id);

        ends.on(new DeploymentStepReached(id, UUID.randomUUID(), 1, DeploymentState.BUILDING));

        assertThat(waiter).isNotDone();
    }
}
