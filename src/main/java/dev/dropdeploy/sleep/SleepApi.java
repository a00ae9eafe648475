package dev.dropdeploy.sleep;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.deploy.SleepingApps;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A project's idle time over the API, in minutes: {@code GET} and {@code PUT /api/v1/projects/{name}/sleep}. */
@RestController
@RequestMapping("/api/v1/projects/{name}/sleep")
class SleepApi {

    /** @param idleMinutes the project's own idle time; {@code null}: the installation's default; 0: never */
    record Sleep(Integer idleMinutes, long effectiveIdleMinutes, boolean asleep) {}

    record SetSleep(Integer idleMinutes) {}

    private final SleepSettings settings;
    private final SleepingApps sleeping;
    private final Projects projects;
    private final CurrentUser currentUser;

    SleepApi(SleepSettings settings, SleepingApps sleeping, Projects projects, CurrentUser currentUser) {
        this.settings = settings;
        this.sleeping = sleeping;
        this.projects = projects;
        this.currentUser = currentUser;
    }

    @GetMapping
    Sleep get(@PathVariable String name) {
        AccountUser user = currentUser.require();
        return view(user, owned(user, name));
    }

    @PutMapping
    Sleep set(@PathVariable String name, @RequestBody SetSleep body) {
        AccountUser user = currentUser.require();
        ProjectSummary project = owned(user, name);
        if (body == null) {
            throw new IllegalArgumentException("Send {\"idleMinutes\": minutes}: 0 never sleeps, null the default");
        }
        Optional<Duration> idle = Optional.ofNullable(body.idleMinutes()).map(Duration::ofMinutes);
        settings.set(user, project.id(), idle);
        return view(user, project);
    }

    private Sleep view(AccountUser user, ProjectSummary project) {
        Integer own =
                settings.own(user, project.id()).map(d -> (int) d.toMinutes()).orElse(null);
        return new Sleep(own, settings.effective(user, project.id()).toMinutes(), sleeping.isAsleep(project.id()));
    }

    private ProjectSummary owned(AccountUser user, String name) {
        return projects.findOwned(user, name).orElseThrow(() -> new ProjectNotFound("named " + name));
    }

    @ExceptionHandler(ProjectNotFound.class)
    ResponseEntity<Map<String, String>> noProject(ProjectNotFound e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, String>> badInput(Exception e) {
        String message = e instanceof HttpMessageNotReadableException
                ? "The body must be JSON like {\"idleMinutes\": 15}"
                : e.getMessage();
        return error(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    /** The API's one error format (deploy's ApiErrors covers its own package only). */
    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
