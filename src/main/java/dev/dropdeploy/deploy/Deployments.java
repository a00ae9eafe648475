package dev.dropdeploy.deploy;

import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;

/**
 * The deploy module's entry point. Deployments run in the background, one at a time per project and in the order
 * they were asked for; callers follow them through {@link DeploymentLog} and the deployment events.
 */
@Service
public class Deployments {

    private final DeploymentRepository repository;
    private final DeploymentRecorder recorder;
    private final DeployPipeline pipeline;
    private final Projects projects;
    private final Workspaces workspaces;
    private final AppAddresses addresses;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ProjectLocks locks;

    Deployments(
            DeploymentRepository repository,
            DeploymentRecorder recorder,
            DeployPipeline pipeline,
            Projects projects,
            Workspaces workspaces,
            AppAddresses addresses,
            ProjectLocks locks) {
        this.locks = locks;
        this.repository = repository;
        this.recorder = recorder;
        this.pipeline = pipeline;
        this.projects = projects;
        this.workspaces = workspaces;
        this.addresses = addresses;
    }

    /** Queues a deployment of the project's version {@code version}. */
    public DeploymentView deploy(UUID projectId, int version) {
        ProjectSummary project = project(projectId);
        workspaces
                .version(projectId, version)
                .orElseThrow(() -> new IllegalArgumentException("Version " + version + " does not exist"));
        Deployment deployment = recorder.create(projectId, version, null);
        submit(deployment, project, null);
        return view(deployment, project);
    }

    /**
     * Puts an earlier version back live from its image, without building.
     *
     * @throws IllegalArgumentException when no image of that version is left (then deploy it again instead)
     */
    public DeploymentView rollback(UUID projectId, int version) {
        ProjectSummary project = project(projectId);
        Deployment earlier = repository
                .findFirstByProjectIdAndVersionAndImageNotNullOrderByCreatedAtDesc(projectId, version)
                .filter(d -> d.detection() != null)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Version " + version + " was never built; deploy it instead of rolling back"));
        Deployment deployment = recorder.create(projectId, version, earlier.id());
        submit(deployment, project, earlier);
        return view(deployment, project);
    }

    public Optional<DeploymentView> find(UUID deploymentId) {
        return repository.findById(deploymentId).map(d -> view(d, project(d.projectId())));
    }

    /** Newest first. */
    public List<DeploymentView> history(UUID projectId) {
        ProjectSummary project = project(projectId);
        return repository.findByProjectIdOrderByCreatedAtDesc(projectId).stream()
                .map(d -> view(d, project))
                .toList();
    }

    /** The detection report the deployment was built from (a rollback carries its original's). */
    public Optional<DetectionReport> detection(UUID deploymentId) {
        return repository
                .findById(deploymentId)
                .filter(d -> d.detection() != null)
                .map(d -> BuildStep.readReport(d.detection()));
    }

    public Optional<DeploymentView> live(UUID projectId) {
        return repository
                .findByProjectIdAndStateInOrderByCreatedAtDesc(projectId, EnumSet.of(DeploymentState.LIVE))
                .stream()
                .findFirst()
                .map(d -> view(d, project(projectId)));
    }

    /** Waits until the deployment reaches a final state or {@code timeout} passes; returns its latest view. */
    public DeploymentView awaitFinal(UUID deploymentId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        DeploymentView view = find(deploymentId).orElseThrow();
        while (!view.state().isFinal() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = find(deploymentId).orElseThrow();
        }
        return view;
    }

    /** The most recent deployment of the project, whatever its state. */
    public Optional<DeploymentView> latest(UUID projectId) {
        return repository.findByProjectIdOrderByCreatedAtDesc(projectId).stream()
                .findFirst()
                .map(d -> view(d, project(projectId)));
    }

    private void submit(Deployment deployment, ProjectSummary project, Deployment reuse) {
        executor.submit(() ->
                locks.run(project.id(), () -> pipeline.run(deployment.id(), project, deployment.version(), reuse)));
    }

    private ProjectSummary project(UUID projectId) {
        return projects.find(projectId).orElseThrow(() -> new IllegalArgumentException("No such project"));
    }

    private DeploymentView view(Deployment deployment, ProjectSummary project) {
        String url = addresses.link(addresses.projectHost(project.slug()));
        String versionUrl = addresses.link(addresses.versionHost(project.slug(), deployment.version()));
        return deployment.view(project.slug(), url, versionUrl);
    }
}
