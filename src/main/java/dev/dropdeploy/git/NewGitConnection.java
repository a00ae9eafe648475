package dev.dropdeploy.git;

/**
 * What connecting answers, once: the webhook secret to paste into the repository's webhook settings, or {@code null}
 * when the connection was changed and keeps the secret it had.
 */
public record NewGitConnection(GitConnectionView connection, String secret) {}
