package dev.dropdeploy.deploy;

import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.RuntimeFailure;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.WorkspaceException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one deployment through its steps. Any failure leaves the previous live version serving: routes only switch
 * after the new container is healthy, and a failed new container is removed.
 */
@Component
class DeployPipeline {

    private static final Logger logger = LoggerFactory.getLogger(DeployPipeline.class);

    private final BuildStep build;
    private final StartStep start;
    private final CutoverStep cutover;
    private final RetireStep retire;
    private final DeploymentRecorder recorder;
    private final DeploymentLog log;
    private final AppContainers containers;
    private final dev.dropdeploy.routing.AppAddresses addresses;

    DeployPipeline(
            BuildStep build,
            StartStep start,
            CutoverStep cutover,
            RetireStep retire,
            DeploymentRecorder recorder,
            DeploymentLog log,
            AppContainers containers,
            dev.dropdeploy.routing.AppAddresses addresses) {
        this.build = build;
        this.start = start;
        this.cutover = cutover;
        this.retire = retire;
        this.recorder = recorder;
        this.log = log;
        this.containers = containers;
        this.addresses = addresses;
    }

    /** @param reuse an earlier deployment whose image and settings a rollback reuses, or {@code null} to build */
    void run(UUID deploymentId, ProjectSummary project, int version, Deployment reuse) {
        DeploymentRun run = new DeploymentRun(deploymentId, project, version);
        try {
            if (reuse == null) {
                build.run(run);
            } else {
                run.image = reuse.image();
                run.report = BuildStep.readReport(reuse.detection());
                recorder.update(deploymentId, (d, now) -> d.copyRunSettingsFrom(reuse));
                log.append(deploymentId, "build", "Rollback: reusing image " + run.image + " (no build)");
            }
            start.run(run);
            cutover.run(run);
            recorder.update(deploymentId, (d, now) -> d.markLive(now));
            retireQuietly(run);
            String url = addresses.link(addresses.projectHost(project.slug()));
            String versionUrl = addresses.link(addresses.versionHost(project.slug(), version));
            log.append(deploymentId, "result", "Live at " + url + " (this version: " + versionUrl + ")");
            recorder.publish(new DeploymentBecameLive(deploymentId, project.id(), version, url, versionUrl));
        } catch (DeployStepFailed e) {
            fail(run, e.getMessage(), e.evidence());
        } catch (RuntimeFailure | WorkspaceException e) {
            fail(run, e.getMessage(), List.of());
        } catch (RuntimeException e) {
            logger.error("Deployment {} failed unexpectedly", deploymentId, e);
            fail(run, "DropDeploy hit an internal error: " + e.getMessage(), List.of());
        } finally {
            log.finished(deploymentId);
        }
    }

    /** The new version is live already; a hiccup while cleaning up after the old one must not undo that. */
    private void retireQuietly(DeploymentRun run) {
        try {
            retire.run(run);
        } catch (RuntimeException e) {
            logger.warn("Deployment {} is live, but retiring the previous one failed", run.deploymentId, e);
            log.append(run.deploymentId, "route", "Warning: could not stop the previous version: " + e.getMessage());
        }
    }

    private void fail(DeploymentRun run, String reason, List<String> evidence) {
        if (run.container != null) {
            containers.stopAndRemove(run.container.id(), Duration.ZERO);
        }
        log.append(run.deploymentId, "result", "Failed: " + reason);
        recorder.update(run.deploymentId, (d, now) -> d.markFailed(reason, now));
        recorder.publish(new DeploymentFailed(run.deploymentId, run.project.id(), run.version, reason, evidence));
    }
}
