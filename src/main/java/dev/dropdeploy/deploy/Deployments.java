package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.Quotas;
import dev.dropdeploy.detect.DetectionReport;
import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;

/**
 * The deploy module's entry point. Deployments run in the background, one at a time per project and in the order
 * they were asked for; callers follow them through {@link DeploymentLog} and the deployment events. Every method
 * takes the acting user: another user's project or deployment reads as absent ({@link ProjectNotFound} or empty).
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
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final ProjectLocks locks;
    private final Quotas quotas;

    Deployments(
            DeploymentRepository repository,
            DeploymentRecorder recorder,
            DeployPipeline pipeline,
            Projects projects,
            Workspaces workspaces,
            AppAddresses addresses,
            ProjectLocks locks,
            Quotas quotas) {
        this.locks = locks;
        this.quotas = quotas;
        this.repository = repository;
        this.recorder = recorder;
        this.pipeline = pipeline;
        this.projects = projects;
        this.workspaces = workspaces;
        this.addresses = addresses;
    }

    /**
     * Queues a deployment of the project's version {@code version}.
     *
     * @throws ProjectNotFound when the user may not reach the project; checked before anything is built
     * @throws dev.dropdeploy.account.QuotaExceeded when the user has too many deployments in progress or apps running
     */
    public DeploymentView deploy(AccountUser user, UUID projectId, int version) {
        ProjectSummary project = projects.owned(user, projectId);
        checkQuotas(user, projectId);
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
    public DeploymentView rollback(AccountUser user, UUID projectId, int version) {
        ProjectSummary project = projects.owned(user, projectId);
        checkQuotas(user, projectId);
        Deployment earlier = repository
                .findFirstByProjectIdAndVersionAndImageNotNullOrderByCreatedAtDesc(projectId, version)
                .filter(d -> d.detection() != null)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Version " + version + " was never built; deploy it instead of rolling back"));
        Deployment deployment = recorder.create(projectId, version, earlier.id());
        submit(deployment, project, earlier);
        return view(deployment, project);
    }

    /** The deployment, when it belongs to a project the user may reach. */
    public Optional<DeploymentView> find(AccountUser user, UUID deploymentId) {
        return repository
                .findById(deploymentId)
                .flatMap(d -> projects.find(user, d.projectId()).map(p -> view(d, p)));
    }

    /** Unscoped, for the log stream and the pipeline once the caller's access has been checked. */
    Optional<DeploymentView> findUnscoped(UUID deploymentId) {
        return repository.findById(deploymentId).map(d -> view(d, project(d.projectId())));
    }

    /** Newest first. */
    public List<DeploymentView> history(AccountUser user, UUID projectId) {
        ProjectSummary project = projects.owned(user, projectId);
        return repository.findByProjectIdOrderByCreatedAtDesc(projectId).stream()
                .map(d -> view(d, project))
                .toList();
    }

    /** The detection report the deployment was built from (a rollback carries its original's). */
    public Optional<DetectionReport> detection(AccountUser user, UUID deploymentId) {
        return repository
                .findById(deploymentId)
                .filter(d -> projects.find(user, d.projectId()).isPresent())
                .filter(d -> d.detection() != null)
                .map(d -> BuildStep.readReport(d.detection()));
    }

    public Optional<DeploymentView> live(AccountUser user, UUID projectId) {
        ProjectSummary project = projects.owned(user, projectId);
        return repository
                .findByProjectIdAndStateInOrderByCreatedAtDesc(projectId, EnumSet.of(DeploymentState.LIVE))
                .stream()
                .findFirst()
                .map(d -> view(d, project));
    }

    /**
     * Every live deployment of every project, for DropDeploy's own bookkeeping (the metrics sampler learns at start-up
     * what events told an earlier run); never shown to a user.
     */
    public List<DeploymentView> liveAsSystem() {
        return repository.findByStateIn(EnumSet.of(DeploymentState.LIVE)).stream()
                .map(d -> view(d, project(d.projectId())))
                .toList();
    }

    /** Waits until the deployment reaches a final state or {@code timeout} passes; returns its latest view. */
    public DeploymentView awaitFinal(AccountUser user, UUID deploymentId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        DeploymentView view = find(user, deploymentId).orElseThrow(() -> new ProjectNotFound("for " + deploymentId));
        while (!view.state().isFinal() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = findUnscoped(deploymentId).orElseThrow();
        }
        return view;
    }

    /** The most recent deployment of the project, whatever its state. */
    public Optional<DeploymentView> latest(AccountUser user, UUID projectId) {
        ProjectSummary project = projects.owned(user, projectId);
        return repository.findByProjectIdOrderByCreatedAtDesc(projectId).stream()
                .findFirst()
                .map(d -> view(d, project));
    }

    /** Counts only the projects the user owns, so an admin's quota is not filled by other users' apps. */
    private void checkQuotas(AccountUser user, UUID projectId) {
        List<UUID> owned = projects.idsOwnedBy(user);
        if (owned.isEmpty()) {
            return;
        }
        quotas.checkNewDeployment(user, repository.countByProjectIdInAndStateIn(owned, DeploymentState.IN_PROGRESS));
        List<UUID> running = repository.findByProjectIdInAndStateIn(owned, EnumSet.of(DeploymentState.LIVE)).stream()
                .map(Deployment::projectId)
                .distinct()
                .toList();
        quotas.checkRunningApps(user, running.size(), running.contains(projectId));
    }

    /**
     * For start-up reconciliation: puts a version that was live back after its container vanished (a restore on a new
     * machine, a pruned engine), from {@code reuse}'s image when it still exists, else by building the version again.
     * Quotas do not apply: the app was running before.
     */
    void restoreLive(ProjectSummary project, int version, Deployment reuse) {
        Deployment deployment = recorder.create(project.id(), version, reuse == null ? null : reuse.id());
        submit(deployment, project, reuse);
    }

    private void submit(Deployment deployment, ProjectSummary project, Deployment reuse) {
        inFlight.add(deployment.id());
        executor.submit(() -> {
            try {
                locks.run(project.id(), () -> pipeline.run(deployment.id(), project, deployment.version(), reuse));
            } finally {
                inFlight.remove(deployment.id());
            }
        });
    }

    /** Whether this process still works on the deployment (queued for its project's lock, or in the pipeline). */
    boolean inFlight(UUID deploymentId) {
        return inFlight.contains(deploymentId);
    }

    private ProjectSummary project(UUID projectId) {
        return projects.findAsSystem(projectId).orElseThrow(() -> new ProjectNotFound(projectId.toString()));
    }

    private DeploymentView view(Deployment deployment, ProjectSummary project) {
        String url = addresses.link(addresses.projectHost(project.slug()));
        String versionUrl = addresses.link(addresses.versionHost(project.slug(), deployment.version()));
        return deployment.view(project.slug(), url, versionUrl);
    }
}
