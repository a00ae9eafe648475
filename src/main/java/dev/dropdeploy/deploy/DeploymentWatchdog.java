package dev.dropdeploy.deploy;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * No deployment stays queued, building or starting forever. The pipeline's own limits (build timeout, health and
 * confirm timeouts) end every deployment it works on; this catches the ones it lost, say when the database was down at
 * the moment it wanted to record the end, which would otherwise hold the owner's quota for good. A deployment this
 * process is still working on is never touched, so the watchdog cannot race the pipeline.
 */
@Component
class DeploymentWatchdog {

    private static final Logger log = LoggerFactory.getLogger(DeploymentWatchdog.class);
    /** Longer than the moment between recording a deployment and handing it to the pipeline. */
    private static final Duration GRACE = Duration.ofMinutes(2);

    private final DeploymentRepository repository;
    private final DeploymentRecorder recorder;
    private final Deployments deployments;
    private final Clock clock;

    DeploymentWatchdog(
            DeploymentRepository repository, DeploymentRecorder recorder, Deployments deployments, Clock clock) {
        this.repository = repository;
        this.recorder = recorder;
        this.deployments = deployments;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void checkEveryMinute() {
        check();
    }

    /** @return how many lost deployments were failed */
    int check() {
        int failed = 0;
        try {
            for (Deployment d : repository.findByStateIn(EnumSet.of(
                    DeploymentState.QUEUED,
                    DeploymentState.BUILDING,
                    DeploymentState.STARTING,
                    DeploymentState.HEALTHY))) {
                if (!deployments.inFlight(d.id())
                        && d.createdAt().isBefore(clock.instant().minus(GRACE))) {
                    recorder.update(
                            d.id(),
                            (deployment, now) -> deployment.markFailed(
                                    "DropDeploy lost track of this deployment (it stopped without an outcome); deploy again",
                                    now));
                    log.warn("Failed deployment {} of project {}: nothing was working on it", d.id(), d.projectId());
                    failed++;
                }
            }
        } catch (RuntimeException e) {
            log.warn("The deployment watchdog could not check: {}", e.getMessage());
        }
        return failed;
    }
}
