/**
 * Projects and their files: a project's name and slug, its per-project JGit repository, and versions (one commit per
 * chat turn, paste, zip upload or Git import). Imports are validated here (paths stay inside the workspace, archives
 * are size-limited) before anything is written.
 */
package dev.dropdeploy.workspace;
