package dev.dropdeploy.git;

import java.time.Instant;
import java.util.List;

/**
 * A project's Git connection as its owner sees it: never the token nor the webhook secret.
 *
 * @param hookPath where the repository's server sends pushes, below DropDeploy's own address
 * @param hasToken whether a token is stored (it is never shown again)
 */
public record GitConnectionView(
        String url,
        String branch,
        String username,
        boolean hasToken,
        String hookPath,
        Instant connectedAt,
        List<GitPushView> pushes,
        List<GitPreviewView> previews) {}
