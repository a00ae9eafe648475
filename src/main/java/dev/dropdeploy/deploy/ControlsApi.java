package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.runtime.RuntimeProperties;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The project page's buttons: stop, start, restart, and the limits every version runs with. */
@RestController
@RequestMapping("/api/v1/projects/{name}")
class ControlsApi {

    /** What each version of an app may use; the same for every project of this installation. */
    record Limits(long memoryMegabytes, double cpus, long processes) {}

    /** How many copies of the app run, and the most this installation allows. */
    record Replicas(int replicas, int limit) {}

    /** A change; {@code null} when the body did not name it. */
    record ReplicasChange(Integer replicas) {}

    private final ProjectControls controls;
    private final NamedProjects projects;
    private final DeployRateLimit rateLimit;
    private final CurrentUser currentUser;
    private final RuntimeProperties runtime;
    private final ProjectReplicas replicas;

    ControlsApi(
            ProjectControls controls,
            NamedProjects projects,
            DeployRateLimit rateLimit,
            CurrentUser currentUser,
            RuntimeProperties runtime,
            ProjectReplicas replicas) {
        this.replicas = replicas;
        this.controls = controls;
        this.projects = projects;
        this.rateLimit = rateLimit;
        this.currentUser = currentUser;
        this.runtime = runtime;
    }

    @PostMapping("/stop")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void stop(@PathVariable String name) {
        AccountUser user = currentUser.require();
        controls.stop(user, projects.owned(user, name).id());
    }

    /** The newest built version back live from its image, without a build. */
    @PostMapping("/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeploymentView start(@PathVariable String name) {
        return deployment(name, controls::start);
    }

    /** The live version in a new container, so changed environment variables apply. */
    @PostMapping("/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeploymentView restart(@PathVariable String name) {
        return deployment(name, controls::restart);
    }

    /** Counts against the deployments a user may start a minute, like every other way to start one. */
    private DeploymentView deployment(String name, BiFunction<AccountUser, UUID, DeploymentView> action) {
        AccountUser user = currentUser.require();
        UUID projectId = projects.owned(user, name).id();
        rateLimit.acquire(user.id());
        return action.apply(user, projectId);
    }

    @GetMapping("/limits")
    Limits limits(@PathVariable String name) {
        projects.owned(currentUser.require(), name);
        return new Limits(runtime.memory().toMegabytes(), runtime.cpus(), runtime.pids());
    }

    @GetMapping("/replicas")
    Replicas replicas(@PathVariable String name) {
        UUID projectId = projects.owned(currentUser.require(), name).id();
        return new Replicas(replicas.of(projectId), replicas.limit());
    }

    /** Stored; applies from the next deployment ({@code POST /restart} applies it now, without downtime). */
    @PutMapping("/replicas")
    Replicas setReplicas(@PathVariable String name, @RequestBody ReplicasChange change) {
        UUID projectId = projects.owned(currentUser.require(), name).id();
        if (change == null || change.replicas() == null) {
            throw new IllegalArgumentException("Send {\"replicas\": N}");
        }
        replicas.set(projectId, change.replicas());
        return new Replicas(replicas.of(projectId), replicas.limit());
    }
}
