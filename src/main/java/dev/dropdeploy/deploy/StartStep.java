package dev.dropdeploy.deploy;

import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.runtime.AppContainer;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.ContainerSpec;
import dev.dropdeploy.runtime.HealthOutcome;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Starts the image as a hardened container and waits until it answers HTTP, probing from outside. */
@Component
class StartStep {

    /** Stacks whose servers write only to /tmp at run time, so their root filesystem can be read-only. */
    private static final Set<Stack> READ_ONLY_SAFE =
            Set.of(Stack.STATIC, Stack.SPA, Stack.PYTHON, Stack.JAVA, Stack.GO, Stack.PHP);

    private final AppContainers containers;
    private final DeploymentRecorder recorder;
    private final DeploymentLog log;
    private final DeployProperties properties;
    private final EnvironmentVariables environment;

    StartStep(
            AppContainers containers,
            DeploymentRecorder recorder,
            DeploymentLog log,
            DeployProperties properties,
            EnvironmentVariables environment) {
        this.containers = containers;
        this.environment = environment;
        this.recorder = recorder;
        this.log = log;
        this.properties = properties;
    }

    void run(DeploymentRun run) {
        recorder.update(run.deploymentId, (d, now) -> d.markStarting(run.image, now));
        ContainerSpec spec = new ContainerSpec(
                run.project.slug(),
                run.version,
                run.deploymentId.toString(),
                run.image,
                run.report.port(),
                // Run-time only: values never enter an image or a build argument, nor the deployment log.
                environment.forContainer(run.project.id()),
                READ_ONLY_SAFE.contains(run.report.stack()),
                null);
        AppContainer container = containers.start(spec);
        run.container = container;
        say(run, "Started container " + container.name() + "; waiting for it to answer on port " + run.report.port());
        HealthOutcome health = containers.awaitHealthy(container, healthPath(run), properties.healthTimeout());
        if (!health.healthy()) {
            health.logTail().forEach(line -> log.append(run.deploymentId, "start", line));
            containers.stopAndRemove(container.id(), java.time.Duration.ZERO);
            run.container = null;
            throw new DeployStepFailed(
                    FailureExplainer.startFailure(
                            health.exitCode(),
                            health.oomKilled(),
                            run.report.port(),
                            "its memory limit",
                            health.logTail()),
                    health.logTail());
        }
        say(run, "Healthy: " + health.detail());
        recorder.update(run.deploymentId, (d, now) -> d.markHealthy(container.id(), container.name(), now));
    }

    private static String healthPath(DeploymentRun run) {
        String path = run.report.healthPath();
        return path == null || path.isBlank() ? "/" : path;
    }

    private void say(DeploymentRun run, String line) {
        log.append(run.deploymentId, "start", line);
    }
}
