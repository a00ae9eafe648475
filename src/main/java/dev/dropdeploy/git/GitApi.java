package dev.dropdeploy.git;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.WorkspaceException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A project's Git connection through the API: connect (or change), read (never the token or secret) and disconnect.
 * Errors in the API's one format, {@code {"error": code, "message": text}}.
 */
@RestController
@RequestMapping("/api/v1/projects/{name}/git")
class GitApi {

    record Connect(String url, String branch, String username, String token) {}

    /** The connection with the webhook's full address; {@code secret} only in the answer that made it. */
    record Connection(GitConnectionView connection, String webhookUrl, String secret) {}

    private final GitConnections connections;
    private final Projects projects;
    private final CurrentUser currentUser;

    GitApi(GitConnections connections, Projects projects, CurrentUser currentUser) {
        this.connections = connections;
        this.projects = projects;
        this.currentUser = currentUser;
    }

    @PutMapping
    Connection connect(@PathVariable String name, @RequestBody Connect body) {
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw new IllegalArgumentException(
                    "Send {\"url\": \"https://...\", \"branch\": \"main\", \"username\": \"...\","
                            + " \"token\": \"...\"} (branch, username and token optional)");
        }
        AccountUser user = currentUser.require();
        NewGitConnection made = connections.connect(
                user, project(user, name).id(), body.url(), body.branch(), body.username(), body.token());
        return new Connection(made.connection(), webhookUrl(made.connection()), made.secret());
    }

    @GetMapping
    Connection get(@PathVariable String name) {
        AccountUser user = currentUser.require();
        GitConnectionView view = connections
                .find(user, project(user, name).id())
                .orElseThrow(() -> new ProjectNotFound("connection of " + name + " (it is not connected to Git)"));
        return new Connection(view, webhookUrl(view), null);
    }

    @DeleteMapping
    ResponseEntity<Void> disconnect(@PathVariable String name) {
        AccountUser user = currentUser.require();
        if (!connections.disconnect(user, project(user, name).id())) {
            throw new ProjectNotFound("connection of " + name + " (it is not connected to Git)");
        }
        return ResponseEntity.noContent().build();
    }

    private ProjectSummary project(AccountUser user, String name) {
        return projects.findOwned(user, name).orElseThrow(() -> new ProjectNotFound("named " + name));
    }

    private static String webhookUrl(GitConnectionView view) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(view.hookPath())
                .build()
                .toUriString();
    }

    @ExceptionHandler(ProjectNotFound.class)
    ResponseEntity<Map<String, String>> notFound(ProjectNotFound e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, WorkspaceException.class})
    ResponseEntity<Map<String, String>> refused(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
