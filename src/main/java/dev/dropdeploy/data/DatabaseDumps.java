package dev.dropdeploy.data;

import dev.dropdeploy.runtime.DataContainers;
import dev.dropdeploy.workspace.ProjectSummary;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Export, import and password changes, run with PostgreSQL's own tools inside the project's database container over
 * its local socket (trusted there), so DropDeploy needs no network path to any project's database.
 */
@Component
class DatabaseDumps {

    private static final String SERVICE = ServiceRecipes.service(DataKind.POSTGRES);
    private static final String IMPORT_FILE = "dropdeploy-import.dump";
    private static final int MESSAGE_LIMIT = 4000;

    private final DataContainers containers;

    DatabaseDumps(DataContainers containers) {
        this.containers = containers;
    }

    void export(ProjectSummary project, OutputStream out) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = containers.exec(
                project.slug(),
                SERVICE,
                List.of("pg_dump", "-Fc", "-U", ServiceRecipes.ROLE, "-d", ServiceRecipes.DATABASE),
                out,
                errors);
        if (code != 0) {
            throw new IllegalStateException("pg_dump failed (exit " + code + "): " + text(errors));
        }
    }

    String restore(ProjectSummary project, Path dump) {
        requireCustomFormat(dump);
        containers.copyIntoVolume(project.slug(), SERVICE, IMPORT_FILE, dump);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            int code = containers.exec(
                    project.slug(),
                    SERVICE,
                    List.of(
                            "pg_restore",
                            "--clean",
                            "--if-exists",
                            "--no-owner",
                            "--no-privileges",
                            "-U",
                            ServiceRecipes.ROLE,
                            "-d",
                            ServiceRecipes.DATABASE,
                            "/var/lib/postgresql/" + IMPORT_FILE),
                    OutputStream.nullOutputStream(),
                    errors);
            // pg_restore exits 1 both when it refused the file and when it went on past errors ("errors ignored").
            if (code != 0 && !text(errors).contains("errors ignored on restore")) {
                throw new IllegalArgumentException("pg_restore refused the file (exit " + code + "): " + text(errors));
            }
            return text(errors);
        } finally {
            containers.exec(
                    project.slug(),
                    SERVICE,
                    List.of("rm", "-f", "/var/lib/postgresql/" + IMPORT_FILE),
                    OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream());
        }
    }

    /** pg_dump's custom format starts with these bytes; anything else is refused before it reaches the server. */
    private static void requireCustomFormat(Path dump) {
        byte[] magic = new byte[5];
        try (var in = java.nio.file.Files.newInputStream(dump)) {
            if (in.readNBytes(magic, 0, 5) < 5 || !new String(magic, StandardCharsets.US_ASCII).equals("PGDMP")) {
                throw new IllegalArgumentException(
                        "Not a pg_dump custom-format archive (make one with pg_dump -Fc, or Export on the project page)");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sets the role's password; a hex password needs no quoting beyond SQL's own. */
    void changePassword(ProjectSummary project, DataKind kind, String password) {
        if (kind != DataKind.POSTGRES) {
            return;
        }
        if (!password.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("Generated passwords are hex");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = containers.exec(
                project.slug(),
                SERVICE,
                List.of(
                        "psql",
                        "-q",
                        "-U",
                        ServiceRecipes.ROLE,
                        "-d",
                        ServiceRecipes.DATABASE,
                        "-c",
                        "ALTER ROLE " + ServiceRecipes.ROLE + " PASSWORD '" + password + "'"),
                OutputStream.nullOutputStream(),
                errors);
        if (code != 0) {
            throw new IllegalStateException("Could not set the database password: " + text(errors));
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8).strip();
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + " ..." : text;
    }
}
