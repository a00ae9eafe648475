/**
 * Git-connected projects: a project follows a repository's branch; a signed push webhook (GitHub, GitLab,
 * Gitea/Forgejo) fetches the pushed commit and deploys it, and pushes of other branches get previews at
 * {@code <branch>--<slug>} that expire or go with their branch. The token and the webhook secret are sealed with the
 * environment interface's {@code SealedValues}, never set as environment variables (an app would see them).
 */
@ApplicationModule(allowedDependencies = {"workspace", "workspace :: environment", "deploy", "routing", "account"})
package dev.dropdeploy.git;

import org.springframework.modulith.ApplicationModule;
