package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.data.DataKind;
import dev.dropdeploy.data.DataServices;
import dev.dropdeploy.output.OutputLimits;
import dev.dropdeploy.workspace.ArchiveFormat;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Archives in, deployments out: the upload, the log stream, rollback, history, the app's output and deletion, as
 * {@code ./dropdeploy deploy|logs|rollback|rm} and benchmarks use them. Requests are signed in by an API key (see the
 * account module); another user's project or deployment answers 404 like a missing one.
 */
@RestController
@RequestMapping("/api/v1")
class DeployApi {

    private final Projects projects;
    private final Workspaces workspaces;
    private final Deployments deployments;
    private final DeploymentLog log;
    private final ProjectControls controls;
    private final DeployRateLimit rateLimit;
    private final CurrentUser currentUser;
    private final OutputLimits limits;

    private final DeploymentEnds ends;

    private final DataServices data;

    DeployApi(
            Projects projects,
            Workspaces workspaces,
            Deployments deployments,
            DeploymentLog log,
            ProjectControls controls,
            CurrentUser currentUser,
            DeployRateLimit rateLimit,
            OutputLimits limits,
            DeploymentEnds ends,
            DataServices data) {
        this.ends = ends;
        this.limits = limits;
        this.rateLimit = rateLimit;
        this.controls = controls;
        this.currentUser = currentUser;
        this.projects = projects;
        this.workspaces = workspaces;
        this.deployments = deployments;
        this.log = log;
        this.data = data;
    }

    /** Uploads a folder as a zip or tar.gz, records it as the project's next version and deploys it. */
    @PostMapping(
            path = "/projects/{name}/deployments",
            consumes = {"application/zip", "application/gzip"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeploymentView upload(
            @PathVariable String name,
            @RequestHeader("Content-Type") String contentType,
            @RequestParam(defaultValue = "Uploaded files") String message,
            @RequestParam(required = false) List<String> attach,
            HttpServletRequest request)
            throws IOException {
        AccountUser user = currentUser.require();
        rateLimit.acquire(user.id());
        List<DataKind> kinds = attach == null
                ? List.of()
                : attach.stream().map(DataKind::parse).toList();
        ProjectSummary project = projects.findOrCreate(user, name);
        // Before the version deploys, so its first start already has the variables (the owner's consent is the flag).
        kinds.forEach(kind -> data.attach(user, project.id(), kind));
        ArchiveFormat format = contentType.startsWith("application/zip") ? ArchiveFormat.ZIP : ArchiveFormat.TAR_GZ;
        WorkspaceVersion version = workspaces.commitArchive(project.id(), request.getInputStream(), format, message);
        return deployments.deploy(user, project.id(), version.number());
    }

    @GetMapping("/deployments/{id}")
    Map<String, Object> deployment(@PathVariable UUID id) {
        DeploymentView view = visible(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deployment", view);
        deployments.detection(currentUser.require(), id).ifPresent(report -> body.put("detection", report));
        return body;
    }

    /** Server-Sent Events: {@code log} events with each line, then one {@code done} event with the final state. */
    @GetMapping(path = "/deployments/{id}/log", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@PathVariable UUID id) {
        visible(id);
        return LogStream.start(id, log, deployments, ends, limits.followerBacklog());
    }

    /** The stored log as a file (its first and last lines, see {@link DeploymentLog}), for the UI and support. */
    @GetMapping(path = "/deployments/{id}/log.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    org.springframework.http.ResponseEntity<String> download(@PathVariable UUID id) {
        visible(id);
        String text = log.lines(id).stream()
                .map(l -> l.at() + " [" + l.phase() + "] " + l.line())
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"deployment-" + id + ".log\"")
                .body(text);
    }

    @PostMapping("/projects/{name}/rollback/{version}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeploymentView rollback(@PathVariable String name, @PathVariable int version) {
        AccountUser user = currentUser.require();
        rateLimit.acquire(user.id());
        return deployments.rollback(user, project(name).id(), version);
    }

    @GetMapping("/projects/{name}/deployments")
    List<DeploymentView> history(@PathVariable String name) {
        return deployments.history(currentUser.require(), project(name).id());
    }

    @GetMapping(path = "/projects/{name}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
    String runtimeLogs(@PathVariable String name, @RequestParam(defaultValue = "200") int lines) {
        return String.join(
                        "\n",
                        controls.runtimeLogs(
                                currentUser.require(), project(name).id(), Math.min(lines, 10_000)))
                + "\n";
    }

    @DeleteMapping("/projects/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String name, @RequestParam(defaultValue = "false") boolean deleteData) {
        controls.delete(currentUser.require(), project(name).id(), deleteData);
    }

    private ProjectSummary project(String name) {
        return projects.findOwned(currentUser.require(), name).orElseThrow(() -> new ProjectNotFound("named " + name));
    }

    private DeploymentView visible(UUID id) {
        return deployments.find(currentUser.require(), id).orElseThrow(() -> new NotFound("No deployment " + id));
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
