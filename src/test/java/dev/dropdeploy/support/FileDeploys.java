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
}
