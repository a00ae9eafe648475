package dev.dropdeploy.deploy;

import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.data.AttachedData;
import dev.dropdeploy.data.DataKind;
import dev.dropdeploy.data.DataServices;
import dev.dropdeploy.workspace.ProjectNotFound;
import dev.dropdeploy.workspace.ProjectSummary;
import dev.dropdeploy.workspace.Projects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A project's data over the API: attach a data folder, PostgreSQL or Valkey; detach (deletes the data, so it must be
 * confirmed); export and import the database; download the data folder. Credentials never leave DropDeploy: the app
 * gets them as secret variables, the API only names the variables.
 */
@RestController
@RequestMapping("/api/v1/projects/{name}/data")
class DataApi {

    /** Larger imports are refused before they reach the disk. */
    private static final long MAX_IMPORT_BYTES = 1L << 30;

    private final Projects projects;
    private final DataServices data;
    private final CurrentUser currentUser;

    DataApi(Projects projects, DataServices data, CurrentUser currentUser) {
        this.projects = projects;
        this.data = data;
        this.currentUser = currentUser;
    }

    record DataItem(
            String kind, String label, List<String> variables, String attachedAt, long usedBytes, long quotaBytes) {
        static DataItem of(AttachedData d) {
            return new DataItem(
                    d.kind().apiName(),
                    d.kind().label(),
                    d.kind().variables(),
                    d.attachedAt().toString(),
                    d.usedBytes(),
                    d.quotaBytes());
        }
    }

    @GetMapping
    List<DataItem> list(@PathVariable String name) {
        return data.list(currentUser.require(), project(name).id()).stream()
                .map(DataItem::of)
                .toList();
    }

    @PutMapping("/{kind}")
    DataItem attach(@PathVariable String name, @PathVariable String kind) {
        return DataItem.of(data.attach(currentUser.require(), project(name).id(), DataKind.parse(kind)));
    }

    @DeleteMapping("/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void detach(
            @PathVariable String name,
            @PathVariable String kind,
            @RequestParam(defaultValue = "false") boolean confirm) {
        data.detach(currentUser.require(), project(name).id(), DataKind.parse(kind), confirm);
    }

    @GetMapping("/postgres/dump")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String name) {
        ProjectSummary project = project(name);
        var user = currentUser.require();
        // Checked before the body starts, so a refusal is a JSON error and not a broken download.
        data.list(user, project.id()).stream()
                .filter(d -> d.kind() == DataKind.POSTGRES)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(project.name() + " has no PostgreSQL"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + project.slug() + ".dump\"")
                .body(out -> data.exportDatabase(user, project.id(), out));
    }

    @PutMapping(path = "/postgres/dump", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    Map<String, String> importDump(@PathVariable String name, InputStream body) throws IOException {
        ProjectSummary project = project(name);
        Path dump = Files.createTempFile("dropdeploy-import-", ".dump");
        try {
            try (var out = Files.newOutputStream(dump)) {
                if (body.transferTo(out) > MAX_IMPORT_BYTES) {
                    throw new IllegalArgumentException("An import is at most 1 GB");
                }
            }
            String report = data.importDatabase(currentUser.require(), project.id(), dump);
            return Map.of("message", report.isBlank() ? "Imported" : "Imported with warnings: " + report);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    @GetMapping("/folder/archive")
    ResponseEntity<StreamingResponseBody> archive(@PathVariable String name) {
        ProjectSummary project = project(name);
        var user = currentUser.require();
        data.list(user, project.id()).stream()
                .filter(d -> d.kind() == DataKind.FOLDER)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(project.name() + " has no data folder"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-tar"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + project.slug() + "-data.tar\"")
                .body(out -> data.archiveFolder(user, project.id(), out));
    }

    private ProjectSummary project(String name) {
        return projects.findOwned(currentUser.require(), name).orElseThrow(() -> new ProjectNotFound("named " + name));
    }
}
