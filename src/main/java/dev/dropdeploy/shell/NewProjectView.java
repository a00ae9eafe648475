package dev.dropdeploy.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.workspace.ArchiveFormat;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import dev.dropdeploy.workspace.WorkspaceVersion;
import dev.dropdeploy.workspace.Workspaces;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/** Turns a zip into a live app: name it (or let the file name do it), drop the zip, follow the deployment. */
@Route("new")
@PageTitle("New app · DropDeploy")
class NewProjectView extends VerticalLayout {

    private final Projects projects;
    private final Workspaces workspaces;
    private final Deployments deployments;
    private final TextField name = new TextField("Name (also its web address)");

    NewProjectView(Projects projects, Workspaces workspaces, Deployments deployments) {
        this.projects = projects;
        this.workspaces = workspaces;
        this.deployments = deployments;
        name.setPlaceholder("taken from the zip's name when empty");
        name.setWidth("24em");
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> deployZip(metadata.fileName(), file)));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setMaxFiles(1);
        upload.setId("zip-upload");
        add(
                new H2("New app"),
                new Paragraph("Upload a zip of your project. DropDeploy works out what it is (a static site, a Flask or"
                        + " Express app, a Vite front end, Spring Boot, ...), builds it and gives you a link."),
                name,
                upload);
    }

    /** Runs on the upload request; UI changes go through {@code access} because the session may not be locked. */
    private void deployZip(String fileName, File zip) {
        UI ui = getUI().orElseThrow();
        String projectName = name.getValue().isBlank() ? fileName.replaceFirst("(?i)\\.zip$", "") : name.getValue();
        try (InputStream in = Files.newInputStream(zip.toPath())) {
            ProjectSummary project = projects.findOrCreate(projectName);
            WorkspaceVersion version =
                    workspaces.commitArchive(project.id(), in, ArchiveFormat.ZIP, "Uploaded " + fileName);
            deployments.deploy(project.id(), version.number());
            ui.access(() -> ui.navigate(ProjectView.class, new RouteParameters("slug", project.slug())));
        } catch (IOException | RuntimeException e) {
            ui.access(() -> Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        } finally {
            zip.delete();
        }
    }
}
