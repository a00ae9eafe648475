package dev.dropdeploy.git;

/** Who sent a webhook, told by its event header. */
enum Provider {
    GITHUB,
    GITLAB,
    GITEA,
    FORGEJO
}
