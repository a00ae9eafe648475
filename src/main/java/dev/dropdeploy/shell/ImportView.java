package dev.dropdeploy.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.workspace.ArchiveFormat;
import dev.dropdeploy.workspace.GitImports;
import dev.dropdeploy.workspace.Pastes;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import jakarta.annotation.security.PermitAll;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.function.Function;

/** The ways in besides chat: paste code, upload a zip, or give a Git URL. Each becomes a version and is deployed. */
@Route("import")
@PermitAll
@PageTitle("Paste, upload or import · DropDeploy")
class ImportView extends VerticalLayout {

    private final Projects projects;
    private final Workspaces workspaces;
    private final Deployments deployments;
    private final Pastes pastes;
    private final GitImports git;
    private final AccountUser user;
    private final TextField name = new TextField("Name (also its web address)");

    ImportView(
            Projects projects,
            Workspaces workspaces,
            Deployments deployments,
            Pastes pastes,
            GitImports git,
            CurrentUser currentUser) {
        this.user = currentUser.require();
        this.projects = projects;
        this.workspaces = workspaces;
        this.deployments = deployments;
        this.pastes = pastes;
        this.git = git;
        name.setWidth("24em");
        name.setId("project-name");
        add(
                new H2("Paste, upload or import"),
                new Paragraph("DropDeploy works out what your code is (a static page, Flask, Express, a Vite front"
                        + " end, Spring Boot, ...), adds what is missing, builds it and gives you a link."),
                name,
                pasteSection(),
                uploadSection(),
                gitSection());
    }

    private VerticalLayout pasteSection() {
        TextArea code = new TextArea("Code, as an AI chat gave it (one file or several)");
        code.setId("paste");
        code.setWidthFull();
        code.setMinHeight("12em");
        Button go = new Button(
                "Deploy pasted code",
                e -> deploy(p -> pastes.commit(p.id(), code.getValue()).version()));
        go.setId("deploy-paste");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return section("Paste", code, go);
    }

    private VerticalLayout uploadSection() {
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> deployZip(metadata.fileName(), file)));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setMaxFiles(1);
        upload.setId("zip-upload");
        return section("Upload a zip", upload);
    }

    private VerticalLayout gitSection() {
        TextField url = new TextField("Repository URL (https)");
        url.setWidth("32em");
        TextField branch = new TextField("Branch (optional)");
        Button go = new Button(
                "Import and deploy",
                e -> deploy(p -> git.importFrom(
                        p.id(), url.getValue(), branch.getValue().isBlank() ? null : branch.getValue())));
        return section("Import from Git", new HorizontalLayout(url, branch), go);
    }

    private static VerticalLayout section(String title, com.vaadin.flow.component.Component... content) {
        VerticalLayout section = new VerticalLayout(new H3(title));
        section.add(content);
        section.setPadding(false);
        return section;
    }

    /** Runs on the upload request; UI changes go through {@code access} because the session may not be locked. */
    private void deployZip(String fileName, File zip) {
        UI ui = getUI().orElseThrow();
        String fallback = fileName.replaceFirst("(?i)\\.zip$", "");
        try (InputStream in = Files.newInputStream(zip.toPath())) {
            ProjectSummary project = project(fallback);
            WorkspaceVersion version =
                    workspaces.commitArchive(project.id(), in, ArchiveFormat.ZIP, "Uploaded " + fileName);
            deployments.deploy(user, project.id(), version.number());
            ui.access(() -> open(ui, project));
        } catch (IOException | RuntimeException e) {
            ui.access(() -> error(e));
        } finally {
            zip.delete();
        }
    }

    private void deploy(Function<ProjectSummary, WorkspaceVersion> input) {
        try {
            ProjectSummary project = project("my-app");
            WorkspaceVersion version = input.apply(project);
            deployments.deploy(user, project.id(), version.number());
            getUI().ifPresent(ui -> open(ui, project));
        } catch (RuntimeException e) {
            error(e);
        }
    }

    private ProjectSummary project(String fallback) {
        return projects.findOrCreate(user, name.getValue().isBlank() ? fallback : name.getValue());
    }

    private static void open(UI ui, ProjectSummary project) {
        ui.navigate(ProjectView.class, new RouteParameters("slug", project.slug()));
    }

    private static void error(Exception e) {
        Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
