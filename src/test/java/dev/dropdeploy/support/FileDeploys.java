package dev.dropdeploy.support;

import dev.dropdeploy.account.AccountUser;
import dev.dropdeploy.deploy.DeploymentView;
import dev.dropdeploy.deploy.Deployments;
import dev.dropdeploy.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.FileSystemUtils;

/** Deploys a handful of files as the next version of a project and waits for the outcome: what ITs do most. */
public final class FileDeploys {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);

    private FileDeploys() {}

    /** @param files path inside the project to its content */
    public static DeploymentView deploy(
            Workspaces workspaces,
            Deployments deployments,
            AccountUser owner,
            UUID projectId,
            Map<String, String> files)
            throws IOException {
        Path folder = Files.createTempDirectory("dd-it-files-");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            int version = workspaces.commit(projectId, folder, "test").number();
            return deployments.awaitFinal(
                    owner, deployments.deploy(owner, projectId, version).id(), DEPLOY_TIMEOUT);
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    /**
     * A Flask app that counts visits to /visit in a SQLite file under DATA_DIR and answers "{@code word} <count>" (the
     * health probe asks for /, which counts nothing): for tests of what a data folder keeps.
     */
    public static Map<String, String> notebookApp(String word) {
        return Map.of("requirements.txt", "flask==3.1.2\n", "app.py", """
                import os, sqlite3
                from flask import Flask
                app = Flask(__name__)
                path = os.path.join(os.environ["DATA_DIR"], "notes.db")
                with sqlite3.connect(path) as c:
                    c.execute("CREATE TABLE IF NOT EXISTS visit (id INTEGER PRIMARY KEY)")

                @app.get("/")
                def index():
                    return "notebook"

                @app.get("/visit")
                def visit():
                    with sqlite3.connect(path) as c:
                        c.execute("INSERT INTO visit DEFAULT VALUES")
                        return "%s " + str(c.execute("SELECT count(*) FROM visit").fetchone()[0])

                if __name__ == "__main__":
                    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 8080)))
                """.formatted(word));
    }
}
