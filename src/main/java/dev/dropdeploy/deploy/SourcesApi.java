package dev.dropdeploy.deploy;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.workspace.GitImports;
import dev.dropdeploy.workspace.WorkspaceVersion;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ways in besides an archive, as the import page offers them: pasted code (read like the page's paste) and a Git
 * repository. Each becomes the project's next version and is deployed; the project is created on first use.
 */
@RestController
@RequestMapping("/api/v1/projects/{name}")
class SourcesApi {

    record GitImport(String url, String branch) {}

    record ImportDeployment(DeploymentView deployment, int version, String message) {}

    private final NamedDeploys named;
    private final GitImports git;
    private final Deployments deployments;
    private final NamedProjects projects;
    private final DeployRateLimit rateLimit;
    private final CurrentUser currentUser;
    private final ApiProperties settings;

    SourcesApi(
            NamedDeploys named,
            GitImports git,
            Deployments deployments,
            NamedProjects projects,
            DeployRateLimit rateLimit,
            CurrentUser currentUser,
            ApiProperties settings) {
        this.named = named;
        this.git = git;
        this.deployments = deployments;
        this.projects = projects;
        this.rateLimit = rateLimit;
        this.currentUser = currentUser;
        this.settings = settings;
    }

    /** Takes {@code {"text": "..."}} as JSON, or the paste itself as {@code text/markdown} or {@code text/plain}. */
    @PostMapping("/paste")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PasteDeployment paste(@PathVariable String name, HttpServletRequest request) throws IOException {
        String text = PasteBodies.text(
                request.getContentType(),
                request.getInputStream(),
                settings.pasteLimit().toBytes());
        return named.paste(currentUser.require(), name, text);
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportDeployment importGit(@PathVariable String name, @RequestBody GitImport body) {
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw new IllegalArgumentException(
                    "Send {\"url\": \"https://...\", \"branch\": \"main\"} (branch optional)");
        }
        AccountUser user = currentUser.require();
        rateLimit.acquire(user.id());
        return projects.createdOnFirstUse(user, name, project -> {
            WorkspaceVersion version = git.importFrom(project.id(), body.url(), body.branch());
            return new ImportDeployment(
                    deployments.deploy(user, project.id(), version.number()), version.number(), version.message());
        });
    }
}
