package dev.dropdeploy.alerts;

import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A project's webhook over the API, in the API's error format ({@code {"error", "message"}}). */
@RestController
@RequestMapping("/api/v1/projects/{name}/webhook")
class WebhooksApi {

    record Change(String url) {}

    private final Webhooks webhooks;
    private final Projects projects;
    private final CurrentUser currentUser;

    WebhooksApi(Webhooks webhooks, Projects projects, CurrentUser currentUser) {
        this.webhooks = webhooks;
        this.projects = projects;
        this.currentUser = currentUser;
    }

    @GetMapping
    Webhook show(@PathVariable String name) {
        return webhooks.find(currentUser.require(), project(name))
                .orElseThrow(() -> new NoWebhook("Project " + name + " has no webhook"));
    }

    /** The answer holds the new secret, which is not shown again. */
    @PutMapping
    Webhooks.Saved set(@PathVariable String name, @RequestBody Change change) {
        if (change == null || change.url() == null) {
            throw new WebhookUrlRefused("Send {\"url\": \"https://…\"}");
        }
        return webhooks.set(currentUser.require(), project(name), change.url());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String name) {
        if (!webhooks.remove(currentUser.require(), project(name))) {
            throw new NoWebhook("Project " + name + " has no webhook");
        }
    }

    @PostMapping("/test")
    Webhooks.TestResult test(@PathVariable String name) {
        return webhooks.test(currentUser.require(), project(name))
                .orElseThrow(() -> new NoWebhook("Project " + name + " has no webhook"));
    }

    @ExceptionHandler({ProjectNotFound.class, NoWebhook.class})
    ResponseEntity<Map<String, String>> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "message", e.getMessage()));
    }

    @ExceptionHandler(WebhookUrlRefused.class)
    ResponseEntity<Map<String, String>> refused(WebhookUrlRefused e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    private UUID project(String name) {
        ProjectSummary project =
                projects.findOwned(currentUser.require(), name).orElseThrow(() -> new ProjectNotFound("named " + name));
        return project.id();
    }

    static final class NoWebhook extends RuntimeException {
        NoWebhook(String message) {
            super(message);
        }
    }
}
