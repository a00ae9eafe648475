package dev.dropdeploy.deploy;

import dev.dropdeploy.data.DataServices;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.runtime.AppContainer;
import dev.dropdeploy.runtime.AppContainers;
import dev.dropdeploy.runtime.ContainerSpec;
import dev.dropdeploy.runtime.HealthOutcome;
import dev.dropdeploy.runtime.VisitorAnswer;
import dev.dropdeploy.workspace.environment.EnvironmentVariables;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Starts the image as a hardened container, waits until it answers HTTP, probing from outside, then asks as a visitor
 * of its public host name would: an app that answers visitors with an error is not live ({@link LiveCheck}).
 */
@Component
class StartStep {

    private static final int LOG_TAIL = 40;

    /**
     * Stacks whose servers usually write only to /tmp at run time, so their root filesystem starts read-only; an app
     * that writes beside its code anyway gets a writable one ({@link ReadOnlyWrites}).
     */
    private static final Set<Stack> READ_ONLY_SAFE =
            Set.of(Stack.STATIC, Stack.SPA, Stack.PYTHON, Stack.JAVA, Stack.GO, Stack.PHP);

    private final AppContainers containers;
    private final DeploymentRecorder recorder;
    private final DeploymentLog log;
    private final DeployProperties properties;
    private final EnvironmentVariables environment;
    private final AppAddresses addresses;
    private final DataServices data;
    private final ProjectReplicas replicas;

    StartStep(
            AppContainers containers,
            DeploymentRecorder recorder,
            DeploymentLog log,
            DeployProperties properties,
            EnvironmentVariables environment,
            AppAddresses addresses,
            DataServices data,
            ProjectReplicas replicas) {
        this.replicas = replicas;
        this.containers = containers;
        this.data = data;
        this.addresses = addresses;
        this.environment = environment;
        this.recorder = recorder;
        this.log = log;
        this.properties = properties;
    }

    void run(DeploymentRun run) {
        recorder.update(run.deploymentId, (d, now) -> d.markStarting(run.image, now));
        data.refusal(run.project.id()).ifPresent(reason -> {
            throw new DeployStepFailed(reason, List.of());
        });
        ContainerSpec spec = new ContainerSpec(
                run.project.slug(),
                run.version,
                run.deploymentId.toString(),
                run.image,
                run.report.port(),
                // Run-time only: values never enter an image or a build argument, nor the deployment log.
                containerEnvironment(run),
                READ_ONLY_SAFE.contains(run.report.stack()),
                null,
                // Every version mounts the same folder: a rollback keeps today's data, never yesterday's.
                data.folder(run.project.id()).orElse(null),
                replicas.of(run.project.id()));
        Optional<Failure> failure = attempt(run, spec);
        if (failure.isPresent()
                && spec.readOnlyRootFilesystem()
                && ReadOnlyWrites.attempted(failure.get().logs())) {
            containers.stopAndRemove(run.container.id(), Duration.ZERO);
            say(
                    run,
                    ReadOnlyWrites.NOTE + " ("
                            + ReadOnlyWrites.firstAttempt(failure.get().logs()) + ")");
            failure = attempt(run, ReadOnlyWrites.writable(spec));
        }
        failure.ifPresent(f -> fail(run, run.container, f.reason(), f.logs()));
        AppContainer container = run.container;
        recorder.update(run.deploymentId, (d, now) -> d.markHealthy(container.id(), container.name(), now));
    }

    /** Starts one container from the spec and checks it as a probe and as a visitor; why it is not live, if not. */
    private Optional<Failure> attempt(DeploymentRun run, ContainerSpec spec) {
        AppContainer container = containers.start(spec);
        run.container = container;
        say(run, "Started container " + container.name() + "; waiting for it to answer on port " + run.report.port());
        HealthOutcome health = containers.awaitHealthy(container, healthPath(run), properties.healthTimeout());
        if (!health.healthy()) {
            String reason = FailureExplainer.startFailure(
                    health.exitCode(), health.oomKilled(), run.report.port(), "its memory limit", health.logTail());
            return Optional.of(new Failure(reason, health.logTail()));
        }
        say(run, "Healthy: " + health.detail());
        String host = addresses.projectHost(run.project.slug());
        VisitorAnswer visitor = containers.visit(container, host, healthPath(run));
        Optional<String> notLive = LiveCheck.failure(visitor, host, healthPath(run), run.report.framework());
        if (notLive.isPresent()) {
            return Optional.of(new Failure(notLive.get(), containers.logs(container.id(), LOG_TAIL)));
        }
        say(run, "As a visitor of " + host + ": " + LiveCheck.describe(visitor, healthPath(run)));
        return Optional.empty();
    }

    private record Failure(String reason, List<String> logs) {}

    private void fail(DeploymentRun run, AppContainer container, String reason, List<String> logTail) {
        logTail.forEach(line -> log.append(run.deploymentId, "start", line));
        containers.stopAndRemove(container.id(), Duration.ZERO);
        run.container = null;
        throw new DeployStepFailed(reason, logTail);
    }

    /**
     * The owner's variables, plus {@code DROPDEPLOY_HOSTS}: the host names visitors use, for apps that must list them
     * (the Django start adds them to ALLOWED_HOSTS). An owner's own value of that name wins.
     */
    private Map<String, String> containerEnvironment(DeploymentRun run) {
        Map<String, String> env = new LinkedHashMap<>(environment.forContainer(run.project.id()));
        String slug = run.project.slug();
        env.putIfAbsent(
                "DROPDEPLOY_HOSTS", addresses.projectHost(slug) + "," + addresses.versionHost(slug, run.version));
        return env;
    }

    private static String healthPath(DeploymentRun run) {
        String path = run.report.healthPath();
        return path == null || path.isBlank() ? "/" : path;
    }

    private void say(DeploymentRun run, String line) {
        log.append(run.deploymentId, "start", line);
    }
}
