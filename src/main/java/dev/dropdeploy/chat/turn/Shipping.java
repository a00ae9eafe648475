package dev.dropdeploy.chat.turn;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Puts a version live through the deploy pipeline and waits for the outcome, reporting the steps on the way. */
@Component
class Shipping {

    // A cold Spring Boot build is the slowest stack, about two and a half minutes on two cores; this leaves room.
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(10);

    private final Deployments deployments;
    private final DeployWatch watch;

    Shipping(Deployments deployments, DeployWatch watch) {
        this.deployments = deployments;
        this.watch = watch;
    }

    DeploymentView deploy(AccountUser user, UUID projectId, int version, TurnSink sink) {
        return follow(user, projectId, version, sink, () -> deployments.deploy(user, projectId, version));
    }

    /** From the version's image when one is left, which takes seconds; otherwise built again. */
    DeploymentView restore(AccountUser user, UUID projectId, int version, TurnSink sink) {
        return follow(user, projectId, version, sink, () -> {
            try {
                return deployments.rollback(user, projectId, version);
            } catch (IllegalArgumentException neverBuilt) {
                return deployments.deploy(user, projectId, version);
            }
        });
    }

    java.util.List<String> evidence(DeploymentView failed) {
        return watch.takeEvidence(failed.id());
    }

    private DeploymentView follow(
            AccountUser user,
            UUID projectId,
            int version,
            TurnSink sink,
            java.util.function.Supplier<DeploymentView> start) {
        watch.watch(user, projectId, version, sink);
        try {
            DeploymentView queued = start.get();
            return deployments.awaitFinal(user, queued.id(), DEPLOY_TIMEOUT);
        } finally {
            watch.unwatch(projectId, version);
        }
    }
}
