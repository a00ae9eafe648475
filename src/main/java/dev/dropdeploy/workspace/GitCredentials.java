package dev.dropdeploy.workspace;

/**
 * What a private repository's server asks for over HTTPS: a user name and a token (GitHub, GitLab and Gitea take a
 * personal access token as the password). Never logged: {@link #toString} hides the token.
 */
public record GitCredentials(String username, String token) {

    public GitCredentials {
        username = username == null || username.isBlank() ? "git" : username.strip();
        token = token == null ? "" : token.strip();
    }

    @Override
    public String toString() {
        return "GitCredentials[username=" + username + ", token=****]";
    }
}
