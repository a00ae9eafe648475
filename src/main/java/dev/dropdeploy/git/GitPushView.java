package dev.dropdeploy.git;

import java.time.Instant;

/**
 * A push as its project's page and the API show it.
 *
 * @param outcome what DropDeploy did, in plain words ("Deployed as version 4", "Preview updated", the failure)
 */
public record GitPushView(
        String provider, String branch, String commitId, String message, String outcome, Instant receivedAt) {}
